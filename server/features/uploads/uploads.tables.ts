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
}
