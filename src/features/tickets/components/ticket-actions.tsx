import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { RatingBody, ReplyBody, TicketDetail } from '@shared/ticket'
import { confirmTicket, escalateTicket, linkChatToTicket, rateTicket, reopenTicket, replyToTicket } from '../tickets.api'
import { escalationBasis, escalationHint } from '../ticket-status.helpers'
import { RatingSheet } from './rating-sheet'
import { ReasonSheet } from './reason-sheet'
import { ReplySheet } from './reply-sheet'
import { ticketsText as tx } from '../tickets.i18n'

type Sheet = 'reply' | 'reopen' | 'rate' | 'escalate' | null
type Run = (name: string, fn: () => Promise<unknown>) => Promise<string | null>

interface Props {
  ticket: TicketDetail
  busy: string | null
  run: Run
}

const toast = (title: string, icon: 'success' | 'none' = 'success') => Taro.showToast({ title, icon })

/** The shopper's actions for the ticket's status (from the server's `actions`), each with its sheet. */
export function TicketActions({ ticket: t, busy, run }: Props) {
  const [sheet, setSheet] = useState<Sheet>(null)
  const a = t.actions
  const basis = escalationBasis(t)
  const done = (msg: string) => (failed: string | null) => {
    if (failed) return failed
    setSheet(null)
    toast(msg)
    return null
  }
  const confirm = async () => {
    const res = await Taro.showModal({
      title: tx.confirmTitle,
      content: tx.confirmBody,
      confirmText: tx.solved,
    })
    if (!res.confirm) return
    const failed = await run('confirm', () => confirmTicket(t.id))
    if (failed) toast(failed, 'none')
    else {
      toast(tx.confirmedToast)
      if (!t.rating) setSheet('rate')
    }
  }
  const contact = () => {
    linkChatToTicket(t.id).catch(() => undefined)
    Taro.switchTab({ url: '/pages/chat/index' })
  }
  return (
    <View className='td-actions'>
      {basis && (
        <View className='td-escalate' role='note' ariaRole='note'>
          <Text className='td-escalate__text'>{escalationHint(basis)}</Text>
          <View className='td-escalate__go' role='button' ariaRole='button' onClick={() => setSheet('escalate')}>
            {tx.complain}
          </View>
        </View>
      )}
      <View className='td-bar'>
        <Button className='td-btn td-btn--ghost' onClick={contact}>
          {tx.contactAgent}
        </Button>
        {a.reply && (
          <Button
            className={`td-btn ${t.status === 'awaiting_customer' ? 'td-btn--primary' : 'td-btn--ghost'}`}
            onClick={() => setSheet('reply')}
          >
            {tx.addInfo}
          </Button>
        )}
        {a.reopen && (
          <Button className='td-btn td-btn--ghost' onClick={() => setSheet('reopen')}>
            {tx.notSolved}
          </Button>
        )}
        {a.confirm && (
          <Button className='td-btn td-btn--primary' onClick={confirm}>
            {tx.solved}
          </Button>
        )}
        {(a.rate || a.editRating) && (
          <Button className={`td-btn ${a.confirm ? 'td-btn--ghost' : 'td-btn--primary'}`} onClick={() => setSheet('rate')}>
            {a.editRating ? tx.editRating : tx.rate}
          </Button>
        )}
      </View>
      <ReplySheet
        visible={sheet === 'reply'}
        busy={busy === 'reply'}
        onClose={() => setSheet(null)}
        onSubmit={async (body: ReplyBody) => done(tx.sent)(await run('reply', () => replyToTicket(t.id, body)))}
      />
      <ReasonSheet
        visible={sheet === 'reopen'}
        title={tx.notSolved}
        hint={tx.reopenHint}
        placeholder={tx.reopenPlaceholder}
        submitLabel={tx.reopenSubmit}
        busy={busy === 'reopen'}
        onClose={() => setSheet(null)}
        onSubmit={async (reason) => done(tx.reopenedToast)(await run('reopen', () => reopenTicket(t.id, reason)))}
      />
      <ReasonSheet
        visible={sheet === 'escalate'}
        title={tx.complain}
        hint={basis ? escalationHint(basis) : tx.escalateHintDefault}
        placeholder={tx.escalatePlaceholder}
        submitLabel={tx.escalateSubmit}
        busy={busy === 'escalate'}
        onClose={() => setSheet(null)}
        onSubmit={async (reason) => done(tx.escalatedToast)(await run('escalate', () => escalateTicket(t.id, reason)))}
      />
      {sheet === 'rate' && (
        <RatingSheet
          visible
          busy={busy === 'rate'}
          current={t.rating}
          onClose={() => setSheet(null)}
          onSubmit={async (body: RatingBody) => done(tx.ratedToast)(await run('rate', () => rateTicket(t.id, body, !!t.rating)))}
        />
      )}
    </View>
  )
}
