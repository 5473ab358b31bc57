import { XMLParser } from 'fast-xml-parser'
import type { PushMessage } from './push-events'

/** Thrown when a push body cannot be read in the configured format. */
export class PushBodyError extends Error {}

const xml = new XMLParser({
  // Every value stays a string: MsgId is wider than a JS number, CDATA keeps its text.
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreAttributes: true,
  processEntities: true,
  htmlEntities: false,
})

function fromXml(body: string): PushMessage {
  // Entity declarations have no place in a push; refusing them closes XML entity tricks.
  if (/<!DOCTYPE|<!ENTITY/i.test(body)) throw new PushBodyError('a push may not declare a DOCTYPE or entities')
  let parsed: unknown
  try {
    parsed = xml.parse(body, true)
  } catch (err) {
    throw new PushBodyError(`not well-formed XML: ${(err as Error).message}`)
  }
  const root = (parsed as { xml?: unknown }).xml
  if (!root || typeof root !== 'object') throw new PushBodyError('an XML push has an <xml> root element')
  return root as PushMessage
}

function fromJson(body: string): PushMessage {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    throw new PushBodyError('not valid JSON')
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new PushBodyError('a JSON push is an object')
  const msg = parsed as PushMessage
  // MsgId exceeds 2^53: keep its digits exactly as sent.
  const rawId = /"MsgId"\s*:\s*"?(\d{1,32})"?/.exec(body)
  if (rawId) msg.MsgId = rawId[1]
  return msg
}

/** Reads a push body (or a decrypted safe-mode payload) in the format set in the admin console. */
export function parsePushBody(body: string, format: 'json' | 'xml'): PushMessage {
  const trimmed = body.trim()
  if (trimmed === '') throw new PushBodyError('the push body is empty')
  return format === 'xml' ? fromXml(trimmed) : fromJson(trimmed)
}

/** A field of a push as text ('' when absent); XML and JSON pushes differ only in value types. */
export function field(msg: PushMessage, name: string): string {
  const value = msg[name]
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : ''
}
