export { LengthCount } from './length-count'
export type { LengthCountProps } from './length-count'
