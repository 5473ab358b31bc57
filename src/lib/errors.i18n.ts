import { preferredLang } from './platform'

// Server codes whose English message a shopper should never see verbatim.
const zh: Record<string, string> = {
  CONTENT_BLOCKED: '这段内容包含不适合发送的信息，请修改后再试。您填写的内容都还在。',
}
const en: Record<string, string> = {
  CONTENT_BLOCKED: 'This text contains something that cannot be sent. Please rephrase it; what you wrote is still here.',
}

/** The app's own wording for a server error code, in the user's language, or null to use the server's. */
export function errorCodeText(code: string): string | null {
  return (preferredLang() === 'en' ? en : zh)[code] ?? null
}
