import type { FastifyPluginAsync } from 'fastify'
import authRoutes from './auth/auth.routes'
import chatFeature from './chat/chat.plugin'
import healthRoutes from './health/health.routes'
import catalogRoutes from './catalog/catalog.routes'
import ordersRoutes from './orders/orders.routes'
import ticketsRoutes from './tickets/tickets.routes'
import agentTicketsRoutes from './tickets/agent-tickets.routes'
import uploadsRoutes from './uploads/uploads.routes'
import notificationsRoutes from './notifications/notifications.routes'
import helpRoutes from './help/help.routes'
import agentStatsRoutes from './agent/agent-stats.routes'
import casesRoutes from './cases/cases.routes'
import wechatPushRoutes from './wechat-push/wechat-push.routes'

/** Every feature's routes; each feature lives in its own folder beside this file. */
export const features: FastifyPluginAsync[] = [
  healthRoutes,
  authRoutes,
  catalogRoutes,
  ordersRoutes,
  ticketsRoutes,
  agentTicketsRoutes,
  uploadsRoutes,
  notificationsRoutes,
  chatFeature,
  helpRoutes,
  agentStatsRoutes,
  casesRoutes,
  wechatPushRoutes,
]
