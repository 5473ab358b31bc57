/** What one user may hold at once or start within a day. */
export interface UserLimits {
  pollsPerUser: number
  conversationsPerDay: number
  handoffsPerDay: number
  uploadBytesPerDay: number
}

/** How often cleanup runs (0 = never on a timer) and what counts as abandoned. */
export interface CleanupSettings {
  sweepSeconds: number
  unattachedUploadHours: number
  idleGuestDays: number
}
