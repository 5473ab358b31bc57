import { replyLanguage } from '../../server/features/chat/bot/reply-language'

describe('the language the bot answers in', () => {
  it.each([
    ['202611261234567890', 'zh', 'zh'],
    ['SF1234567890123', 'zh', 'zh'],
    ['iPhone 15 没收到', 'zh', 'zh'],
    ['iPhone 15 Pro Max', 'zh', 'zh'],
    ['👍', 'zh', 'zh'],
    ['👍', 'en', 'en'],
    ['https://shop.example.com/item/123?from=share', 'zh', 'zh'],
    ['<b>markup</b>', 'zh', 'zh'],
    ['<script>alert(1)</script>', 'zh', 'zh'],
    ['me@example.com', 'zh', 'zh'],
    ['ok', 'zh', 'zh'],
    ['hello', 'en', 'en'],
    ['my parcel has not arrived', 'zh', 'en'],
    ['ｍｙ ｐａｒｃｅｌ ｈａｓ ｎｏｔ ａｒｒｉｖｅｄ', 'zh', 'en'],
    ['my parcel is still not here 谢谢', 'zh', 'en'],
    ['我的快递还没到', 'en', 'zh'],
    ['退款', 'en', 'zh'],
    ['好', 'en', 'zh'],
    ['ok thanks', 'zh', 'zh'],
    ['not shipped', 'zh', 'en'],
    ['where is my order', 'zh', 'en'],
    ['ok 好', 'en', 'en'],
    ['订单 202611261234567890 的 iPhone 还没发货', 'en', 'zh'],
    ['', 'en', 'en'],
  ] as const)('%p with a %s UI → %s', (text, ui, expected) => {
    expect(replyLanguage(text, ui)).toBe(expected)
  })
})
