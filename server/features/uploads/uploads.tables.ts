/** The uploads table as stored (snake_case; timestamps ISO-8601 strings). */
export interface UploadsTable {
  id: string
  owner_id: string
  content_type: string
  size: number
  width: number | null
  height: number | null
  filename: string
  sha256: string
  storage_key: string
  created_at: string
  /** Image check: 'pending' while WeChat looks at it, then 'pass' or 'risky' (hidden from agents). */
  moderation: 'pending' | 'pass' | 'risky'
  /** WeChat's trace_id of the asynchronous image check, matched when the verdict is pushed. */
  moderation_trace_id: string | null
}

/** Upload bytes when UPLOAD_STORAGE=database. */
export interface UploadBlobsTable {
  storage_key: string
  data: Buffer
  created_at: string
}
