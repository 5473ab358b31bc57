export { MessageList, type MessageListItem, type MessageListProps, type MessageSender } from './message-list'
export { clockTime } from './message-time'
