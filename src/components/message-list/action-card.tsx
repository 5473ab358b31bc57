import { useEffect, useRef, useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import type { Order, OrderList } from '@shared/order'
import type { OrderActionBody, OrderActionResult } from '@shared/order-action'
import { REFUND_REASONS, type OrderActionKind, type RefundReason } from '@shared/order-action-data'
import { ApiError, request } from '@/lib/http'
import { yuan } from '@/lib/money'
import { hasMessage, t } from '@/lib/i18n'

/** Orders a self-service action can apply to now (the server checks again). */
export function eligible(kind: OrderActionKind, o: Order): boolean {
  if (o.status === 'cancelled') return false
  if (kind === 'urge_shipment' || kind === 'change_address' || kind === 'cancel_order') return o.status === 'paid'
  if (kind === 'track_parcel') return o.logistics !== null
  return true
}

function newKey(): string {
  return `a${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`
}

/** The card's wording for a refused action; the network and unknown codes get the generic line. */
function errorText(e: unknown): string {
  const key = e instanceof ApiError ? `actionCard.errors.${e.code}` : ''
  return hasMessage(key) ? t(key) : t('actionCard.failed')
}

export interface ActionCardProps {
  kind: OrderActionKind
  orderNo?: string
}

/** A confirmable self-service action under a bot answer: pick the order, fill in what it needs, confirm. */
export function ActionCard({ kind, orderNo }: ActionCardProps) {
  const [orders, setOrders] = useState<Order[] | null>(null)
  const [picked, setPicked] = useState<string | undefined>(orderNo)
  const [reason, setReason] = useState<RefundReason>('not_wanted')
  const [amount, setAmount] = useState('')
  const [text, setText] = useState('')
  const [state, setState] = useState<'idle' | 'working' | 'done'>('idle')
  const [error, setError] = useState<string | null>(null)
  // One key per confirmation, kept across retries until it succeeds.
  const key = useRef(newKey())

  useEffect(() => {
    let live = true
    request<OrderList>('/api/orders')
      .then((r) => {
        if (!live) return
        const list = r.items.filter((o) => eligible(kind, o))
        setOrders(list)
        setPicked((p) => (p && list.some((o) => o.orderNo === p) ? p : list[0]?.orderNo))
      })
      .catch(() => live && setOrders([]))
    return () => {
      live = false
    }
  }, [kind])

  const order = orders?.find((o) => o.orderNo === picked)
  const confirm = async () => {
    if (!order || state !== 'idle') return
    const body: OrderActionBody = { kind, orderNo: order.orderNo, idempotencyKey: key.current }
    if (kind === 'request_refund') {
      const fen = Math.round(Number(amount || order.amount.yuan) * 100)
      if (!Number.isFinite(fen) || fen < 1 || fen > order.amount.fen) return setError(t('actionCard.badAmount'))
      Object.assign(body, { reason, amountFen: fen })
    }
    if (kind === 'change_address' || kind === 'reissue_invoice') {
      if (text.trim().length < (kind === 'change_address' ? 5 : 2)) return setError(t('actionCard.required'))
      Object.assign(body, kind === 'change_address' ? { address: text.trim() } : { invoiceTitle: text.trim() })
    }
    setError(null)
    setState('working')
    try {
      await request<{ result: OrderActionResult }>('/api/chat/actions', { method: 'POST', data: body })
      setState('done')
    } catch (e) {
      setState('idle')
      setError(errorText(e))
    }
  }

  return (
    <View className='action-card' aria-label={t(`actionCard.title.${kind}`)}>
      <Text className='action-card__title'>{t(`actionCard.title.${kind}`)}</Text>
      {orders === null ? <Text className='action-card__hint'>{t('actionCard.loading')}</Text> : null}
      {orders?.length === 0 ? <Text className='action-card__hint'>{t('actionCard.noOrder')}</Text> : null}
      {orders && orders.length > 0 ? (
        <View
          className='action-card__orders'
          data-i18n-allow='order-data'
          role='radiogroup'
          ariaRole='radiogroup'
          aria-label={t('actionCard.pickOrder')}
        >
          {orders.slice(0, 4).map((o) => (
            <View
              key={o.orderNo}
              role='radio'
              ariaRole='radio'
              aria-checked={o.orderNo === picked}
              className={`action-card__order ${o.orderNo === picked ? 'action-card__order--on' : ''}`}
              onClick={() => state === 'idle' && setPicked(o.orderNo)}
            >
              <Text className='action-card__order-name'>{o.items[0]?.name}</Text>
              <Text className='action-card__order-no'>
                {o.orderNo} · {yuan(o.amount.fen)}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
      {order && kind === 'request_refund' && state !== 'done' ? (
        <View className='action-card__fields'>
          <Text className='action-card__label'>{t('actionCard.reason')}</Text>
          <View className='action-card__chips' role='radiogroup' ariaRole='radiogroup' aria-label={t('actionCard.reason')}>
            {REFUND_REASONS.map((r) => (
              <View
                key={r}
                role='radio'
                ariaRole='radio'
                aria-checked={r === reason}
                className={`action-card__chip ${r === reason ? 'action-card__chip--on' : ''}`}
                onClick={() => setReason(r)}
              >
                {t(`actionCard.reasons.${r}`)}
              </View>
            ))}
          </View>
          <Text className='action-card__label'>{t('actionCard.amount', { max: yuan(order.amount.fen) })}</Text>
          <Input
            className='action-card__input'
            type='digit'
            value={amount}
            placeholder={order.amount.yuan}
            aria-label={t('actionCard.amount', { max: yuan(order.amount.fen) })}
            onInput={(e) => setAmount(e.detail.value)}
          />
        </View>
      ) : null}
      {order && (kind === 'change_address' || kind === 'reissue_invoice') && state !== 'done' ? (
        <Input
          className='action-card__input'
          value={text}
          placeholder={kind === 'change_address' ? t('actionCard.address') : t('actionCard.invoiceTitle')}
          aria-label={kind === 'change_address' ? t('actionCard.address') : t('actionCard.invoiceTitle')}
          onInput={(e) => setText(e.detail.value)}
        />
      ) : null}
      {error ? (
        <View className='action-card__error' role='alert' ariaRole='alert'>
          {error}
        </View>
      ) : null}
      {order ? (
        <View
          className={`action-card__confirm ${state !== 'idle' ? 'action-card__confirm--off' : ''}`}
          role='button'
          ariaRole='button'
          aria-disabled={state !== 'idle'}
          onClick={() => void confirm()}
        >
          {state === 'done' ? t('actionCard.done') : state === 'working' ? t('actionCard.working') : t('actionCard.confirm')}
        </View>
      ) : null}
    </View>
  )
}
