import type { LogisticsStatus } from '../../../types/order'

/** Products the demo orders are drawn from (prices in fen). */
export const DEMO_PRODUCTS = [
  { sku: 'MUG-350-WHT', name: '陶瓷马克杯 350ml 白色', priceFen: 3900 },
  { sku: 'EAR-BT-PRO', name: '无线蓝牙耳机 Pro 降噪版', priceFen: 29900 },
  { sku: 'TEE-COT-L', name: '纯棉短袖T恤 白色 L码', priceFen: 7900 },
  { sku: 'CUP-SS-500', name: '不锈钢保温杯 500ml', priceFen: 8900 },
  { sku: 'BAND-7', name: '智能手环 7 NFC版', priceFen: 24900 },
  { sku: 'WIPE-80X6', name: '婴儿湿巾 80抽×6包', priceFen: 4590 },
  { sku: 'MILK-250X12', name: '有机纯牛奶 250ml×12盒', priceFen: 5990 },
  { sku: 'BAG-156', name: '双肩电脑包 15.6英寸', priceFen: 15900 },
  { sku: 'BRUSH-SONIC', name: '电动牙刷 声波款', priceFen: 19900 },
  { sku: 'LAMP-NORDIC', name: '北欧风护眼台灯', priceFen: 12900 },
  { sku: 'SHOE-RUN-42', name: '轻量运动跑鞋 42码', priceFen: 39900 },
  { sku: 'NUTS-1200', name: '每日坚果礼盒 1.2kg', priceFen: 16800 },
] as const

/** Couriers with the shape of their tracking numbers: a letter prefix plus digits, or digits only. */
export const DEMO_COURIERS = [
  { code: 'SF', name: '顺丰速运', prefix: 'SF', digits: 13 },
  { code: 'ZTO', name: '中通快递', prefix: '', digits: 14 },
  { code: 'YTO', name: '圆通速递', prefix: 'YT', digits: 13 },
  { code: 'JD', name: '京东物流', prefix: 'JDVA', digits: 11 },
  { code: 'YUNDA', name: '韵达快递', prefix: '', digits: 13 },
  { code: 'JT', name: '极兔速递', prefix: 'JT', digits: 13 },
] as const

export const DEMO_CITIES = ['上海市', '杭州市', '广州市', '北京市', '成都市', '武汉市', '南京市', '深圳市'] as const

/** The latest scan text for a logistics status in a city. */
export function latestScan(status: LogisticsStatus, city: string): string {
  const texts: Record<LogisticsStatus, string> = {
    awaiting_pickup: `【${city}】商家已发货，等待快递员揽收`,
    in_transit: `【${city}】快件已到达${city}转运中心，正在发往下一站`,
    out_for_delivery: `【${city}】快递员正在派送中，请保持电话畅通`,
    delivered: `【${city}】已签收，签收人：本人`,
    exception: `【${city}】快件因地址不详暂无法派送，请联系快递员`,
    returned: `【${city}】快件已退回寄件人`,
  }
  return texts[status]
}
