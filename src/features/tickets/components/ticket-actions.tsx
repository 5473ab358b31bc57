import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { RatingBody, ReplyBody, TicketDetail } from '@shared/ticket'
import { confirmTicket, escalateTicket, linkChatToTicket, rateTicket, reopenTicket, replyToTicket } from '../tickets.api'
import { escalationBasis, escalationHint } from '../ticket-status.helpers'
import { RatingSheet } from './rating-sheet'
import { ReasonSheet } from './reason-sheet'
import { ReplySheet } from './reply-sheet'

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
      title: '确认问题已解决？',
      content: '确认后工单将完成，您仍可以评价本次服务。',
      confirmText: '已解决',
    })
    if (!res.confirm) return
    const failed = await run('confirm', () => confirmTicket(t.id))
    if (failed) toast(failed, 'none')
    else {
      toast('已确认解决')
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
        <View className='td-escalate' role='note'>
          <Text className='td-escalate__text'>{escalationHint(basis)}</Text>
          <View className='td-escalate__go' role='button' onClick={() => setSheet('escalate')}>
            投诉
          </View>
        </View>
      )}
      <View className='td-bar'>
        <Button className='td-btn td-btn--ghost' onClick={contact}>
          联系客服
        </Button>
        {a.reply && (
          <Button
            className={`td-btn ${t.status === 'awaiting_customer' ? 'td-btn--primary' : 'td-btn--ghost'}`}
            onClick={() => setSheet('reply')}
          >
            补充说明
          </Button>
        )}
        {a.reopen && (
          <Button className='td-btn td-btn--ghost' onClick={() => setSheet('reopen')}>
            未解决
          </Button>
        )}
        {a.confirm && (
          <Button className='td-btn td-btn--primary' onClick={confirm}>
            已解决
          </Button>
        )}
        {(a.rate || a.editRating) && (
          <Button className={`td-btn ${a.confirm ? 'td-btn--ghost' : 'td-btn--primary'}`} onClick={() => setSheet('rate')}>
            {a.editRating ? '修改评价' : '评价'}
          </Button>
        )}
      </View>
      <ReplySheet
        visible={sheet === 'reply'}
        busy={busy === 'reply'}
        onClose={() => setSheet(null)}
        onSubmit={async (body: ReplyBody) => done('已发送')(await run('reply', () => replyToTicket(t.id, body)))}
      />
      <ReasonSheet
        visible={sheet === 'reopen'}
        title='未解决'
        hint='告诉我们还有什么问题，工单会重新回到客服处理。'
        placeholder='例如：换货后仍然有破损'
        submitLabel='重新处理'
        busy={busy === 'reopen'}
        onClose={() => setSheet(null)}
        onSubmit={async (reason) => done('已重新打开')(await run('reopen', () => reopenTicket(t.id, reason)))}
      />
      <ReasonSheet
        visible={sheet === 'escalate'}
        title='投诉'
        hint={basis ? escalationHint(basis) : '投诉将由主管优先跟进。'}
        placeholder='请说明您不满意的地方'
        submitLabel='提交投诉'
        busy={busy === 'escalate'}
        onClose={() => setSheet(null)}
        onSubmit={async (reason) => done('投诉已提交')(await run('escalate', () => escalateTicket(t.id, reason)))}
      />
      {sheet === 'rate' && (
        <RatingSheet
          visible
          busy={busy === 'rate'}
          current={t.rating}
          onClose={() => setSheet(null)}
          onSubmit={async (body: RatingBody) => done('感谢您的评价')(await run('rate', () => rateTicket(t.id, body, !!t.rating)))}
        />
      )}
    </View>
  )
}
