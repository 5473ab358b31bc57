export { MessageList, type MessageListProps } from './message-list'
export { buildRows, segmentText, TIME_GAP_MINUTES, type PendingMessage, type Row, type Segment, type Viewer } from './message-list.helpers'
export { OrderCardView } from './order-card'
