import { Type, type Static } from 'typebox'
import { TicketStatsSchema } from './ticket'

/** `today` starts at the caller's local midnight; `7d` at local midnight six days earlier (so it includes today). */
export const OverviewRangeSchema = Type.Union([Type.Literal('today'), Type.Literal('7d')])
export type OverviewRange = Static<typeof OverviewRangeSchema>

export const OverviewQuerySchema = Type.Object(
  {
    range: Type.Optional(Type.Union([Type.Literal('today'), Type.Literal('7d')], { default: 'today' })),
    utcOffset: Type.Optional(
      Type.Integer({
        minimum: -720,
        maximum: 840,
        description: "The caller's UTC offset in minutes (480 for China), which decides where a day starts; default the server's",
      }),
    ),
  },
  { additionalProperties: false },
)
export type OverviewQuery = Static<typeof OverviewQuerySchema>

const Minutes = (description: string) => Type.Union([Type.Number(), Type.Null()], { description })
const Average = Type.Object({
  average: Type.Union([Type.Number(), Type.Null()], { description: 'Mean score 1–5, one decimal; null without ratings' }),
  count: Type.Integer(),
})

/** Chat figures for conversations started in the range (waitingNow is live). */
export const ChatMetricsSchema = Type.Object({
  started: Type.Integer({ description: 'Conversations started in the range' }),
  handedOver: Type.Integer({ description: 'Of those, how many the bot handed over to a person' }),
  waitingNow: Type.Integer({ description: 'Conversations waiting in the queue right now' }),
  averageQueueWaitMinutes: Minutes('Handover to the first claim; one decimal'),
  averageFirstAgentResponseMinutes: Minutes("First claim to the agent's first message; one decimal"),
  botRating: Average,
  agentRating: Average,
})
export type ChatMetrics = Static<typeof ChatMetricsSchema>

export const OverviewSchema = Type.Object({
  range: OverviewRangeSchema,
  since: Type.String({ format: 'date-time' }),
  until: Type.String({ format: 'date-time' }),
  sla: Type.Object({ firstResponseHours: Type.Number(), resolutionHours: Type.Number() }),
  chats: ChatMetricsSchema,
  tickets: TicketStatsSchema,
})
export type Overview = Static<typeof OverviewSchema>
