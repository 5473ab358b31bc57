import SYSTEM_MESSAGES from './system-messages.json'

/** Every system-message code, mapped to the names of its params; `legacy` rows carry only their stored text. */
export const SYSTEM_MESSAGE_PARAMS: Readonly<Record<SystemMessageCode, readonly string[]>> = SYSTEM_MESSAGES

/** A timeline notice (queued, assigned, ended …); clients render `t('system.<code>', params)`. */
export type SystemMessageCode = keyof typeof SYSTEM_MESSAGES

/** A system message as stored and sent: a code and the values its sentence needs. */
export interface SystemMessage {
  code: SystemMessageCode
  params: Record<string, string | number>
}
