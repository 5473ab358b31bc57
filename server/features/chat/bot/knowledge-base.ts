/**
 * Knowledge base of the service bot and the help center FAQ: content/knowledge-base.json,
 * validated against the catalog when loaded. Chinese first, English alongside.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Type } from 'typebox'
import { Value } from 'typebox/value'
import {
  EVIDENCE_KIND_IDS,
  SERVICE_TYPE_IDS,
  SUBTYPES,
  type EvidenceKind,
  type ServiceTypeId,
  type SubtypeId,
} from '../../../../types/catalog-data'

/** One question-and-answer entry. */
export interface KbEntry {
  /** Stable id, referenced by quick replies and analytics. */
  readonly id: string
  /** Null for general entries (channels, tips) that belong to no service type. */
  readonly serviceType: ServiceTypeId | null
  readonly subtype?: SubtypeId
  /** Dotted intent name, e.g. 'logistics.lost'. */
  readonly intent: string
  readonly questionZh: string
  readonly questionEn: string
  readonly answerZh: string
  readonly answerEn: string
  /** Extra phrasings shoppers use, in either language; they only feed retrieval. */
  readonly keywords: readonly string[]
  readonly needsEvidence: readonly EvidenceKind[]
}

const EntrySchema = Type.Object(
  {
    id: Type.String({ pattern: '^faq-[a-z0-9-]+$' }),
    serviceType: Type.Union([Type.Enum(SERVICE_TYPE_IDS), Type.Null()]),
    subtype: Type.Optional(Type.Enum(SUBTYPES.map((s) => s.id))),
    intent: Type.String({ minLength: 1 }),
    questionZh: Type.String({ minLength: 1 }),
    questionEn: Type.String({ minLength: 1 }),
    answerZh: Type.String({ minLength: 1 }),
    answerEn: Type.String({ minLength: 1 }),
    keywords: Type.Array(Type.String({ minLength: 1 })),
    needsEvidence: Type.Array(Type.Enum(EVIDENCE_KIND_IDS)),
  },
  { additionalProperties: false },
)
const FileSchema = Type.Object({ entries: Type.Array(EntrySchema, { minItems: 1 }) }, { additionalProperties: false })

function load(): KbEntry[] {
  const path = join(__dirname, 'content', 'knowledge-base.json')
  const data: unknown = JSON.parse(readFileSync(path, 'utf8'))
  if (!Value.Check(FileSchema, data)) {
    const first = [...Value.Errors(FileSchema, data)][0]
    throw new Error(`${path}: ${first ? `${first.instancePath} ${first.message}` : 'invalid'}`)
  }
  // The schema checked every field; the cast only narrows subtype ids to their literal union.
  return data.entries as KbEntry[]
}

export const KNOWLEDGE_BASE: readonly KbEntry[] = load()

const BY_ID = new Map(KNOWLEDGE_BASE.map((e) => [e.id, e]))

/** Look up a knowledge-base entry by id. */
export function getKbEntry(id: string): KbEntry | undefined {
  return BY_ID.get(id)
}
