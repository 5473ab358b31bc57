import { useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import { flag } from '@/lib/platform'
import type { AgentTicketDetail, TransitionBody } from '@shared/ticket'
import { agentMoves, type AgentMove } from '../ticket.helpers'
import './tickets.scss'
import { t } from '@/lib/i18n'

export interface TicketActionsProps {
  ticket: AgentTicketDetail
  busy: boolean
  onReply: (text: string, internal: boolean) => Promise<boolean>
  onTransition: (body: TransitionBody) => Promise<boolean>
}

const prompt = (needs: AgentMove['needs']) =>
  needs === 'message' ? t('agent.tk.promptMessage') : needs === 'summary' ? t('agent.tk.promptSummary') : ''

/** Reply or internal note, and the status moves an agent may make now. */
export function TicketActions({ ticket, busy, onReply, onTransition }: TicketActionsProps) {
  const [text, setText] = useState('')
  const [internal, setInternal] = useState(false)
  const [move, setMove] = useState<AgentMove | null>(null)
  const [moveText, setMoveText] = useState('')
  const moves = agentMoves(ticket.status)
  const canReply = ticket.status !== 'closed'

  const reply = async () => {
    if (!text.trim() || busy) return
    if (await onReply(text.trim(), internal)) setText('')
  }
  const start = async (m: AgentMove) => {
    if (m.needs === 'none') {
      await onTransition({ to: m.to })
      return
    }
    setMove(m)
    setMoveText('')
  }
  const confirmMove = async () => {
    if (!move || !moveText.trim() || busy) return
    const body: TransitionBody =
      move.needs === 'summary' ? { to: move.to, resolutionSummary: moveText.trim() } : { to: move.to, message: moveText.trim() }
    if (await onTransition(body)) setMove(null)
  }

  return (
    <View className='tk-actions'>
      {moves.length > 0 && !move ? (
        <View className='tk-actions__moves'>
          {moves.map((m) => (
            <Button
              key={m.to}
              className={`tk-btn ${m.to === 'resolved' ? 'tk-btn--primary' : ''}`}
              disabled={flag(busy)}
              onClick={() => void start(m)}
              aria-label={m.label()}
            >
              {m.label()}
            </Button>
          ))}
        </View>
      ) : null}
      {move ? (
        <View className='tk-actions__form' aria-label={move.label()}>
          <Text className='tk-actions__label'>{move.label()}</Text>
          <Textarea
            className='tk-textarea'
            aria-label={prompt(move.needs)}
            placeholder={prompt(move.needs)}
            value={moveText}
            maxlength={2000}
            onInput={(e) => setMoveText(e.detail.value)}
          />
          <View className='tk-actions__moves'>
            <Button className='tk-btn' onClick={() => setMove(null)} aria-label={t('agent.cancel')}>
              {t('agent.cancel')}
            </Button>
            <Button
              className='tk-btn tk-btn--primary'
              disabled={flag(busy || !moveText.trim())}
              onClick={() => void confirmMove()}
              aria-label={t('agent.tk.confirm')}
            >
              {t('agent.tk.confirmMove', { move: move.label() })}
            </Button>
          </View>
        </View>
      ) : null}
      {canReply && !move ? (
        <View className='tk-actions__reply'>
          <View className='tk-actions__tabs' role='tablist' ariaRole='tablist'>
            <View
              className={`tk-tab ${!internal ? 'tk-tab--active' : ''}`}
              role='tab'
              ariaRole='tab'
              aria-selected={!internal}
              onClick={() => setInternal(false)}
            >
              {t('agent.tk.reply')}
            </View>
            <View
              className={`tk-tab ${internal ? 'tk-tab--active' : ''}`}
              role='tab'
              ariaRole='tab'
              aria-selected={internal}
              onClick={() => setInternal(true)}
            >
              {t('agent.tk.note')}
            </View>
          </View>
          <Textarea
            className={`tk-textarea ${internal ? 'tk-textarea--internal' : ''}`}
            aria-label={internal ? t('agent.tk.noteInput') : t('agent.reply.input')}
            placeholder={internal ? t('agent.tk.notePlaceholder') : t('agent.tk.replyPlaceholder')}
            value={text}
            maxlength={4000}
            onInput={(e) => setText(e.detail.value)}
          />
          <Button
            className='tk-btn tk-btn--primary tk-actions__send'
            disabled={flag(busy || !text.trim())}
            onClick={() => void reply()}
            aria-label={internal ? t('agent.tk.saveNote') : t('agent.tk.sendReply')}
          >
            {internal ? t('agent.tk.saveNote') : t('agent.tk.sendReply')}
          </Button>
        </View>
      ) : null}
    </View>
  )
}
