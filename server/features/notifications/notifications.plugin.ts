import nodemailer from 'nodemailer'
import type { FastifyInstance } from 'fastify'
import { EmailChannel, LogSmsSender, SmsChannel, WechatChannel } from './channels'
import { NotificationWorker } from './notification-worker'

declare module 'fastify' {
  interface FastifyInstance {
    /** The outbox worker: polls while the app runs; tests call runOnce(). */
    notifications: NotificationWorker
    /** The log SMS sender (what it "sent"), when SMS_SENDER=log. */
    smsLog: LogSmsSender | null
  }
}

/** Builds the delivery channels from the configuration and runs the worker while the app is up. */
export function registerNotificationWorker(app: FastifyInstance): void {
  const { notify, tickets, notifyPollMs } = app.config
  const transport = notify.smtpUrl ? nodemailer.createTransport(notify.smtpUrl) : null
  const smsLog = notify.sms === 'log' ? new LogSmsSender((obj, msg) => app.log.info(obj, msg)) : null
  const channels = [
    new WechatChannel(app.db, app.wechatApi, tickets.subscribeTemplates, notify.miniprogramState),
    new EmailChannel(transport, notify.mailFrom),
    new SmsChannel(smsLog),
  ]
  const worker = new NotificationWorker(app.db, channels, (err) => app.log.error({ err }, 'notification delivery run failed'))
  app.decorate('notifications', worker)
  app.decorate('smsLog', smsLog)
  app.addHook('onReady', async () => worker.start(notifyPollMs))
  // preClose: stop before the database closes, so no run is cut off half-way.
  app.addHook('preClose', async () => {
    await worker.stop()
    transport?.close()
  })
}
