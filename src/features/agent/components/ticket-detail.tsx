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
import { named, t } from '@/lib/i18n'

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
  if (!src) return <View className='tk-files__img tk-files__img--empty'>{failed ? t('agent.tk.imageFailed') : '…'}</View>
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
    <View
      className='tk-files__img tk-files__img--empty tk-files__img--blocked'
      role='img'
      ariaRole='img'
      aria-label={t('messageList.imageBlocked')}
    >
      {t('messageList.imageBlocked')}
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

/** The wanted outcome's name in the active language; unknown ids pass through. */
function outcomeName(id: string): string {
  const o = getOutcome(id)
  return o ? named(o) : id
}

function Sla({ ticket }: { ticket: AgentTicketDetail }) {
  const done = ticket.status === 'resolved' || ticket.status === 'closed'
  const first = ticket.firstRespondedAt
    ? t('agent.tk.respondedAt', { time: clockTime(ticket.firstRespondedAt) })
    : dueLabel(ticket.firstResponseDueAt).text
  const resolution = done
    ? t('agent.tk.resolvedAt', { time: clockTime(ticket.resolvedAt ?? ticket.updatedAt) })
    : ticket.slaPaused
      ? t('agent.tk.paused')
      : dueLabel(ticket.resolutionDueAt).text
  return (
    <View className='tk-sla'>
      <Text className={`tk-sla__item ${!ticket.firstRespondedAt && dueLabel(ticket.firstResponseDueAt).late ? 'tk-sla__item--late' : ''}`}>
        {t('agent.tk.slaFirst', { value: first })}
      </Text>
      <Text className={`tk-sla__item ${!done && !ticket.slaPaused && dueLabel(ticket.resolutionDueAt).late ? 'tk-sla__item--late' : ''}`}>
        {t('agent.tk.slaResolution', { value: resolution })}
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
            {ticket.caseNo ? t('agent.tk.case', { caseNo: ticket.caseNo }) : ''}
          </Text>
          <Text className={`tk-status tk-status--${ticket.status}`}>{ticketStatusLabel(ticket.status)}</Text>
          {ticket.escalated ? <Text className='tk-badge tk-badge--escalated'>{t('agent.ov.escalated')}</Text> : null}
          {ticket.overdue ? <Text className='tk-badge tk-badge--overdue'>{t('agent.tk.overdue')}</Text> : null}
        </View>
        <Text className='tk-detail__title'>
          {serviceTypeLabel(ticket.serviceType)} · {getSubtype(ticket.subtype)?.zh ?? ticket.subtype}
        </Text>
        <Fact label={t('agent.customer')} value={ticket.shopper.displayName} />
        <Fact label={t('messageList.orderNo')} value={ticket.orderNo} />
        <Fact label={t('agent.tk.product')} value={ticket.productName} />
        <Fact label={t('agent.tk.outcome')} value={ticket.outcome ? outcomeName(ticket.outcome) : null} />
        <ContactFact ticketId={ticket.id} contact={ticket.contact} />
        <Fact label={t('agent.tk.assignee')} value={ticket.assignee?.displayName} />
        <Fact label={t('agent.tk.channel')} value={ticketChannelLabel(ticket.channel)} />
        <Text className='tk-detail__desc'>{ticket.description}</Text>
        <Attachments items={ticket.attachments} />
        <Sla ticket={ticket} />
        {ticket.complaint ? (
          <View className='tk-complaint'>
            <Text className='tk-complaint__title'>{t('agent.tk.complaint')}</Text>
            <Text>{ticket.complaint.reason}</Text>
          </View>
        ) : null}
        {ticket.resolutionSummary ? <Fact label={t('agent.tk.resolution')} value={ticket.resolutionSummary} /> : null}
      </View>
      <View className='tk-card'>
        <Text className='tk-card__title'>{t('agent.tk.history')}</Text>
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
