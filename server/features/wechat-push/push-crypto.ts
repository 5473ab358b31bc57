import crypto from 'node:crypto'

// WeChat's message crypto for safe mode (安全模式): AES-256-CBC with the EncodingAESKey, the key's
// first 16 bytes as IV, PKCS#7 padding to 32-byte blocks; plaintext = 16 random bytes, a 4-byte
// big-endian length, the message, then the AppID it was sent for.

const BLOCK = 32

function keyOf(encodingAesKey: string): Buffer {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64')
  if (key.length !== 32) throw new Error('EncodingAESKey must decode to 32 bytes')
  return key
}

/** msg_signature: SHA-1 hex of token, timestamp, nonce and the Encrypt field, sorted and joined. */
export function messageSignature(token: string, timestamp: string, nonce: string, encrypted: string): string {
  return crypto.createHash('sha1').update([token, timestamp, nonce, encrypted].sort().join('')).digest('hex')
}

/** True when `given` is the msg_signature WeChat makes for these values (constant-time compare). */
export function verifyMessageSignature(token: string, timestamp: string, nonce: string, encrypted: string, given: string): boolean {
  const expected = Buffer.from(messageSignature(token, timestamp, nonce, encrypted))
  const actual = Buffer.from(given.toLowerCase())
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected)
}

/** Encrypts `message` for `appId` as WeChat does (used by the fake servers in tests and for replies). */
export function encryptMessage(encodingAesKey: string, appId: string, message: string, random = crypto.randomBytes(16)): string {
  const key = keyOf(encodingAesKey)
  const body = Buffer.from(message)
  const length = Buffer.alloc(4)
  length.writeUInt32BE(body.length)
  const plain = Buffer.concat([random, length, body, Buffer.from(appId)])
  const pad = BLOCK - (plain.length % BLOCK)
  const cipher = crypto.createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false)
  return Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64')
}

/** What an Encrypt field holds; throws when it is not a well-formed WeChat ciphertext. */
export function decryptMessage(encodingAesKey: string, encrypted: string): { message: string; appId: string } {
  const key = keyOf(encodingAesKey)
  const data = Buffer.from(encrypted, 'base64')
  if (data.length === 0 || data.length % 16 !== 0) throw new Error('ciphertext length is not a multiple of the block size')
  const decipher = crypto.createDecipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false)
  const plain = Buffer.concat([decipher.update(data), decipher.final()])
  const pad = plain[plain.length - 1]
  if (pad < 1 || pad > BLOCK || pad > plain.length) throw new Error('bad padding')
  const unpadded = plain.subarray(0, plain.length - pad)
  if (unpadded.length < 20) throw new Error('plaintext too short')
  const length = unpadded.readUInt32BE(16)
  if (20 + length > unpadded.length) throw new Error('message length exceeds the plaintext')
  return {
    message: unpadded.subarray(20, 20 + length).toString('utf8'),
    appId: unpadded.subarray(20 + length).toString('utf8'),
  }
}
