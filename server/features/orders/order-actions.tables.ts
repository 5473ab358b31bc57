/** A confirmed self-service action on an order (request and result as JSON). */
export interface OrderActionsTable {
  id: string
  user_id: string
  idempotency_key: string
  order_no: string
  kind: string
  request_json: string
  result_json: string
  created_at: string
}
