import { useEffect, useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { AgentTicketDetail, Attachment, TransitionBody } from '@shared/ticket'
import { getOutcome, getSubtype } from '@shared/catalog-data'
import { clockTime } from '@/lib/time'
import { download } from '@/lib/http'
import { evidenceLabel, serviceTypeLabel } from '../agent.helpers'
import { dueLabel, ticketChannelLabel, ticketStatusLabel, timelineLabel } from '../ticket.helpers'
import { ContactFact } from './contact-fact'
import { TicketActions } from './ticket-actions'
import './tickets.scss'

export interface TicketDetailProps {
  ticket: AgentTicketDetail
  busy: boolean
  error: string | null
  onReply: (text: string, internal: boolean) => Promise<boolean>
  onTransition: (body: TransitionBody) => Promise<boolean>
}

/** Attachments need the agent's token, so they are fetched first and shown from a local copy. */
function AttachmentImage({ attachment }: { attachment: Attachment }) {
  const [src, setSrc] = useState<string | null>(null)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let live = true
    download(attachment.url, 'agent')
      .then((p) => live && setSrc(p))
      .catch(() => live && setFailed(true))
    return () => {
      live = false
    }
  }, [attachment.url])
  if (!src) return <View className='tk-files__img tk-files__img--empty'>{failed ? '加载失败' : '…'}</View>
  return (
    <Image
      className='tk-files__img'
      src={src}
      mode='aspectFill'
      aria-label={evidenceLabel(attachment.kind)}
      onClick={() => void Taro.previewImage({ urls: [src], current: src })}
    />
  )
}

/** An image WeChat found risky: the file is refused, so say so instead of "加载失败". */
function BlockedAttachment() {
  return (
    <View className='tk-files__img tk-files__img--empty tk-files__img--blocked' role='img' ariaRole='img' aria-label='图片未通过安全检查'>
      图片未通过安全检查
    </View>
  )
}

function Attachments({ items }: { items: Attachment[] }) {
  if (items.length === 0) return null
  return (
    <View className='tk-files'>
      {items.map((a) => (a.blocked ? <BlockedAttachment key={a.uploadId} /> : <AttachmentImage key={a.uploadId} attachment={a} />))}
    </View>
  )
}

function Fact({ label, value }: { label: string; value: string | null | undefined }) {
  if (!value) return null
  return (
    <View className='tk-fact'>
      <Text className='tk-fact__label'>{label}</Text>
      <Text className='tk-fact__value'>{value}</Text>
    </View>
  )
}

function Sla({ ticket }: { ticket: AgentTicketDetail }) {
  const done = ticket.status === 'resolved' || ticket.status === 'closed'
  const first = ticket.firstRespondedAt ? `已于 ${clockTime(ticket.firstRespondedAt)} 响应` : dueLabel(ticket.firstResponseDueAt).text
  const resolution = done
    ? `已于 ${clockTime(ticket.resolvedAt ?? ticket.updatedAt)} 解决`
    : ticket.slaPaused
      ? '等待顾客补充，计时暂停'
      : dueLabel(ticket.resolutionDueAt).text
  return (
    <View className='tk-sla'>
      <Text className={`tk-sla__item ${!ticket.firstRespondedAt && dueLabel(ticket.firstResponseDueAt).late ? 'tk-sla__item--late' : ''}`}>
        首次响应（24 小时）：{first}
      </Text>
      <Text className={`tk-sla__item ${!done && !ticket.slaPaused && dueLabel(ticket.resolutionDueAt).late ? 'tk-sla__item--late' : ''}`}>
        解决时限（3 天）：{resolution}
      </Text>
    </View>
  )
}

/** One ticket: facts, SLA clock, complaint, timeline with internal notes, and the actions. */
export function TicketDetail({ ticket, busy, error, onReply, onTransition }: TicketDetailProps) {
  return (
    <View className='tk-detail'>
      <View className='tk-card'>
        <View className='tk-item__line'>
          <Text className='tk-detail__no'>
            {ticket.ticketNo}
            {ticket.caseNo ? ` · 案件 ${ticket.caseNo}` : ''}
          </Text>
          <Text className={`tk-status tk-status--${ticket.status}`}>{ticketStatusLabel(ticket.status)}</Text>
          {ticket.escalated ? <Text className='tk-badge tk-badge--escalated'>投诉升级</Text> : null}
          {ticket.overdue ? <Text className='tk-badge tk-badge--overdue'>超时</Text> : null}
        </View>
        <Text className='tk-detail__title'>
          {serviceTypeLabel(ticket.serviceType)} · {getSubtype(ticket.subtype)?.zh ?? ticket.subtype}
        </Text>
        <Fact label='顾客' value={ticket.shopper.displayName} />
        <Fact label='订单号' value={ticket.orderNo} />
        <Fact label='商品' value={ticket.productName} />
        <Fact label='期望处理' value={ticket.outcome ? (getOutcome(ticket.outcome)?.zh ?? ticket.outcome) : null} />
        <ContactFact ticketId={ticket.id} contact={ticket.contact} />
        <Fact label='处理人' value={ticket.assignee?.displayName} />
        <Fact label='来源' value={ticketChannelLabel(ticket.channel)} />
        <Text className='tk-detail__desc'>{ticket.description}</Text>
        <Attachments items={ticket.attachments} />
        <Sla ticket={ticket} />
        {ticket.complaint ? (
          <View className='tk-complaint'>
            <Text className='tk-complaint__title'>顾客投诉</Text>
            <Text>{ticket.complaint.reason}</Text>
          </View>
        ) : null}
        {ticket.resolutionSummary ? <Fact label='解决方案' value={ticket.resolutionSummary} /> : null}
      </View>
      <View className='tk-card'>
        <Text className='tk-card__title'>处理记录</Text>
        <View className='tk-timeline'>
          {ticket.timeline.map((e) => (
            <View key={e.id} className={`tk-event ${e.internal ? 'tk-event--internal' : ''} tk-event--${e.actor.role}`}>
              <View className='tk-event__head'>
                <Text className='tk-event__type'>{timelineLabel(e.type)}</Text>
                <Text className='tk-event__who'>{e.actor.name}</Text>
                <Text className='tk-event__time'>{clockTime(e.createdAt)}</Text>
              </View>
              {e.fromStatus && e.toStatus ? (
                <Text className='tk-event__move'>
                  {ticketStatusLabel(e.fromStatus)} → {ticketStatusLabel(e.toStatus)}
                </Text>
              ) : null}
              {e.text ? <Text className='tk-event__text'>{e.text}</Text> : null}
              <Attachments items={e.attachments} />
            </View>
          ))}
        </View>
      </View>
      {error ? (
        <View className='tk-error' role='alert' ariaRole='alert'>
          {error}
        </View>
      ) : null}
      <TicketActions ticket={ticket} busy={busy} onReply={onReply} onTransition={onTransition} />
    </View>
  )
}
