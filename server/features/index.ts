import type { FastifyPluginAsync } from 'fastify'
import authRoutes from './auth/auth.routes'
import chatFeature from './chat/chat.plugin'
import healthRoutes from './health/health.routes'
import helpRoutes from './help/help.routes'

/** Every feature's routes; each feature lives in its own folder beside this file. */
export const features: FastifyPluginAsync[] = [healthRoutes, authRoutes, chatFeature, helpRoutes]
