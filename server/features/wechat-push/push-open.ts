import crypto from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { HttpError } from '../../plugins/errors'
import { parsePushBody, PushBodyError, field } from './push-body'
import { decryptMessage, verifyMessageSignature } from './push-crypto'
import type { PushMessage } from './push-events'
import { recordNonce } from './push-nonces.repository'
import { isFresh, PUSH_WINDOW_SECONDS } from './push-signature'

/** The query WeChat signs a push with (signature already checked by the caller). */
export interface PushQuery {
  timestamp?: string
  nonce?: string
  encrypt_type?: string
  msg_signature?: string
}

function readBody(body: string, format: 'json' | 'xml'): PushMessage {
  try {
    return parsePushBody(body, format)
  } catch (err) {
    const reason = err instanceof PushBodyError ? err.message : 'unreadable'
    throw new HttpError(400, 'PUSH_BODY_INVALID', `The push body is not ${format.toUpperCase()} as configured: ${reason}.`)
  }
}

function decrypt(app: FastifyInstance, q: PushQuery, outer: PushMessage, aesKey: string, token: string): PushMessage {
  const encrypted = field(outer, 'Encrypt')
  if (!encrypted) throw new HttpError(400, 'PUSH_BODY_INVALID', 'A safe-mode push carries an Encrypt field.')
  if (!q.msg_signature || !verifyMessageSignature(token, q.timestamp!, q.nonce!, encrypted, q.msg_signature)) {
    throw new HttpError(401, 'PUSH_SIGNATURE_INVALID', 'The push msg_signature does not match.')
  }
  let opened: { message: string; appId: string }
  try {
    opened = decryptMessage(aesKey, encrypted)
  } catch {
    throw new HttpError(400, 'PUSH_DECRYPT_FAILED', 'The Encrypt field could not be decrypted with WECHAT_PUSH_AES_KEY.')
  }
  const appId = app.config.auth.wechat?.appId
  if (!appId || opened.appId !== appId) throw new HttpError(401, 'PUSH_APPID_MISMATCH', 'The push was encrypted for another AppID.')
  return readBody(opened.message, app.config.wechatPushFormat)
}

/**
 * Turns a signed push into its message: refuses an old timestamp, a nonce seen with another body,
 * the wrong mode; in safe mode checks msg_signature, decrypts and checks the AppID inside.
 */
export async function openPush(app: FastifyInstance, q: PushQuery, body: string, token: string): Promise<PushMessage> {
  if (!isFresh(q.timestamp)) throw new HttpError(401, 'PUSH_EXPIRED', 'The push timestamp is outside the accepted window.')
  const aesKey = app.config.wechatPushAesKey
  const safe = q.encrypt_type === 'aes'
  if (q.encrypt_type && q.encrypt_type !== 'aes' && q.encrypt_type !== 'raw') {
    throw new HttpError(400, 'PUSH_MODE_UNSUPPORTED', 'encrypt_type must be aes or raw.')
  }
  if (safe && !aesKey) throw new HttpError(400, 'PUSH_MODE_UNSUPPORTED', 'Safe mode needs WECHAT_PUSH_AES_KEY on the server.')
  // With a key set the console is in safe mode: a plaintext push is not WeChat's.
  if (!safe && aesKey) throw new HttpError(400, 'PUSH_MODE_UNSUPPORTED', 'This server takes safe-mode (encrypted) pushes only.')
  const outer = readBody(body, app.config.wechatPushFormat)
  const now = new Date()
  const hash = crypto.createHash('sha256').update(body).digest('hex')
  const since = new Date(now.getTime() - 2 * PUSH_WINDOW_SECONDS * 1000).toISOString()
  if (!(await recordNonce(app.db, q.nonce!, hash, now.toISOString(), since))) {
    throw new HttpError(401, 'PUSH_REPLAYED', 'This nonce was already used for another push.')
  }
  return safe ? decrypt(app, q, outer, aesKey!, token) : outer
}
