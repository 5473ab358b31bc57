import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { RatingBody, ReplyBody, TicketDetail } from '@shared/ticket'
import { askModal } from '@/lib/modal'
import { confirmTicket, escalateTicket, linkChatToTicket, rateTicket, reopenTicket, replyToTicket } from '../tickets.api'
import { escalationBasis, escalationHint } from '../ticket-status.helpers'
import { RatingSheet } from './rating-sheet'
import { ReasonSheet } from './reason-sheet'
import { ReplySheet } from './reply-sheet'
import { t as tx } from '@/lib/i18n'

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
    const choice = await askModal({
      title: tx('tickets.confirmTitle'),
      content: tx('tickets.confirmBody'),
      confirmText: tx('tickets.solved'),
    })
    if (choice !== 'confirm') return
    const failed = await run('confirm', () => confirmTicket(t.id))
    if (failed) toast(failed, 'none')
    else {
      toast(tx('tickets.confirmedToast'))
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
            {tx('tickets.complain')}
          </View>
        </View>
      )}
      <View className='td-bar'>
        <Button className='td-btn td-btn--ghost' onClick={contact}>
          {tx('tickets.contactAgent')}
        </Button>
        {a.reply && (
          <Button
            className={`td-btn ${t.status === 'awaiting_customer' ? 'td-btn--primary' : 'td-btn--ghost'}`}
            onClick={() => setSheet('reply')}
          >
            {tx('tickets.addInfo')}
          </Button>
        )}
        {a.reopen && (
          <Button className='td-btn td-btn--ghost' onClick={() => setSheet('reopen')}>
            {tx('tickets.notSolved')}
          </Button>
        )}
        {a.confirm && (
          <Button className='td-btn td-btn--primary' onClick={confirm}>
            {tx('tickets.solved')}
          </Button>
        )}
        {(a.rate || a.editRating) && (
          <Button className={`td-btn ${a.confirm ? 'td-btn--ghost' : 'td-btn--primary'}`} onClick={() => setSheet('rate')}>
            {a.editRating ? tx('tickets.editRating') : tx('tickets.rate')}
          </Button>
        )}
      </View>
      <ReplySheet
        visible={sheet === 'reply'}
        busy={busy === 'reply'}
        onClose={() => setSheet(null)}
        onSubmit={async (body: ReplyBody) => done(tx('tickets.sent'))(await run('reply', () => replyToTicket(t.id, body)))}
      />
      <ReasonSheet
        visible={sheet === 'reopen'}
        title={tx('tickets.notSolved')}
        hint={tx('tickets.reopenHint')}
        placeholder={tx('tickets.reopenPlaceholder')}
        submitLabel={tx('tickets.reopenSubmit')}
        busy={busy === 'reopen'}
        onClose={() => setSheet(null)}
        onSubmit={async (reason) => done(tx('tickets.reopenedToast'))(await run('reopen', () => reopenTicket(t.id, reason)))}
      />
      <ReasonSheet
        visible={sheet === 'escalate'}
        title={tx('tickets.complain')}
        hint={basis ? escalationHint(basis) : tx('tickets.escalateHintDefault')}
        placeholder={tx('tickets.escalatePlaceholder')}
        submitLabel={tx('tickets.escalateSubmit')}
        busy={busy === 'escalate'}
        onClose={() => setSheet(null)}
        onSubmit={async (reason) => done(tx('tickets.escalatedToast'))(await run('escalate', () => escalateTicket(t.id, reason)))}
      />
      {sheet === 'rate' && (
        <RatingSheet
          visible
          busy={busy === 'rate'}
          current={t.rating}
          onClose={() => setSheet(null)}
          onSubmit={async (body: RatingBody) => done(tx('tickets.ratedToast'))(await run('rate', () => rateTicket(t.id, body, !!t.rating)))}
        />
      )}
    </View>
  )
}
