import { answer } from './features/chat/bot'
for (const t of process.argv.slice(2)) {
  const r = answer({ text: t })
  console.log(
    t,
    '→',
    r.meta.serviceType,
    r.meta.intent,
    r.meta.confidence,
    r.meta.handoff ? r.meta.handoffReason : '',
    JSON.stringify(r.meta.entities),
    r.quickReplies.map((q) => q.label).join('/'),
  )
}
