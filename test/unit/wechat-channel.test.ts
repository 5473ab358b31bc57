import crypto from 'node:crypto'
import { loadConfig, ConfigError } from '../../server/config'
import { parsePushBody, PushBodyError } from '../../server/features/wechat-push/push-body'
import { decryptMessage, encryptMessage, messageSignature, verifyMessageSignature } from '../../server/features/wechat-push/push-crypto'
import { replyWindow } from '../../server/features/chat/wechat/reply-window'
import { cardOf } from '../../server/features/chat/wechat/wechat.inbound'
import { dedupeKeyOf } from '../../server/features/chat/wechat/wechat.channel'
import { parseSessionFrom } from '../../server/features/chat/wechat/session-from'
import { contactSessionFrom } from '../../src/features/help/help.helpers'
import { askText, entryLine, replyBlocked, timeLeft, windowLine } from '../../src/features/agent/wechat/reply-window.helpers'

const KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG'

describe('WeChat safe-mode message crypto', () => {
  it('decrypts what it encrypts, with the AppID and a 32-byte PKCS#7 padding', () => {
    const encrypted = encryptMessage(KEY, 'wxapp', '{"Content":"你好"}')
    expect(Buffer.from(encrypted, 'base64').length % 32).toBe(0)
    expect(decryptMessage(KEY, encrypted)).toEqual({ message: '{"Content":"你好"}', appId: 'wxapp' })
  })

  it('matches the layout by hand: random(16) + length(4, big-endian) + message + AppID, IV = key[0..16]', () => {
    const key = Buffer.from(`${KEY}=`, 'base64')
    const random = Buffer.alloc(16, 7)
    const plain = Buffer.concat([random, Buffer.from([0, 0, 0, 5]), Buffer.from('hello'), Buffer.from('wxid')])
    const pad = 32 - (plain.length % 32)
    const c = crypto.createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false)
    const expected = Buffer.concat([c.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), c.final()]).toString('base64')
    expect(encryptMessage(KEY, 'wxid', 'hello', random)).toBe(expected)
  })

  it('refuses a tampered ciphertext and checks msg_signature over token, timestamp, nonce and Encrypt', () => {
    expect(() => decryptMessage(KEY, Buffer.from('not a ciphertext').toString('base64'))).toThrow()
    const sig = messageSignature('tok', '1700000000', 'n1', 'ENC')
    expect(sig).toBe(crypto.createHash('sha1').update(['tok', '1700000000', 'n1', 'ENC'].sort().join('')).digest('hex'))
    expect(verifyMessageSignature('tok', '1700000000', 'n1', 'ENC', sig)).toBe(true)
    expect(verifyMessageSignature('tok', '1700000000', 'n1', 'ENC2', sig)).toBe(false)
  })
})

describe('push bodies', () => {
  it('reads XML with CDATA as text and keeps a long MsgId exact in JSON', () => {
    const xml =
      '<xml><FromUserName><![CDATA[oAbc]]></FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[a < b & c]]></Content><MsgId>23456789012345678901</MsgId></xml>'
    expect(parsePushBody(xml, 'xml')).toMatchObject({
      FromUserName: 'oAbc',
      CreateTime: '1700000000',
      Content: 'a < b & c',
      MsgId: '23456789012345678901',
    })
    expect(parsePushBody('{"MsgType":"text","MsgId":23456789012345678901}', 'json').MsgId).toBe('23456789012345678901')
  })

  it('refuses DOCTYPE declarations, the wrong format and empty bodies', () => {
    expect(() => parsePushBody('<!DOCTYPE x [<!ENTITY a "b">]><xml><a>&a;</a></xml>', 'xml')).toThrow(PushBodyError)
    expect(() => parsePushBody('<xml></xml>', 'json')).toThrow(PushBodyError)
    expect(() => parsePushBody('  ', 'xml')).toThrow(PushBodyError)
  })

  it('dedupes messages by MsgId and events by sender, time and event', () => {
    expect(dedupeKeyOf({ MsgId: '123', FromUserName: 'o' })).toBe('msg:123')
    expect(dedupeKeyOf({ MsgType: 'event', Event: 'user_enter_tempsession', FromUserName: 'o', CreateTime: '9' })).toBe(
      'ev:o:9:user_enter_tempsession',
    )
    expect(dedupeKeyOf({ MsgType: 'text', FromUserName: 'o' })).toBeNull()
  })

  it('reads the ticket or order a page card points to', () => {
    expect(cardOf({ Title: '我的咨询', PagePath: 'pages/ticket/detail/index?id=t-1' })).toEqual({
      title: '我的咨询',
      pagePath: 'pages/ticket/detail/index?id=t-1',
      ticketId: 't-1',
    })
    expect(cardOf({ Title: 'x', PagePath: 'pages/ticket/new/index?orderNo=SD1' }).orderNo).toBe('SD1')
  })
})

describe('the reply window', () => {
  const from = '2026-12-01T00:00:00.000Z'
  it('allows five replies for 48 hours after a message, two for a minute after entering the chat', () => {
    expect(replyWindow(from, 'message', 0, new Date('2026-12-02T23:59:00Z'))).toEqual({
      endsAt: '2026-12-03T00:00:00.000Z',
      repliesLeft: 5,
      open: true,
    })
    expect(replyWindow(from, 'message', 5, new Date('2026-12-01T01:00:00Z'))).toMatchObject({ repliesLeft: 0, open: false })
    expect(replyWindow(from, 'message', 1, new Date('2026-12-03T00:00:01Z')).open).toBe(false)
    expect(replyWindow(from, 'enter', 0, new Date('2026-12-01T00:00:30Z'))).toMatchObject({ repliesLeft: 2, open: true })
    expect(replyWindow(null, null, 0, new Date()).open).toBe(false)
  })

  it('tells the agent the time and replies left, and when a reply is blocked', () => {
    const now = new Date('2026-12-01T00:00:00Z')
    expect(timeLeft('2026-12-02T23:30:00Z', now)).toBe('47 小时')
    expect(timeLeft('2026-12-01T00:10:00Z', now)).toBe('10 分钟')
    const open = { endsAt: '2026-12-02T00:00:00Z', repliesLeft: 3, open: true, fallback: 'ask' as const }
    expect(windowLine(open, now)).toBe('微信回复窗口：剩余 24 小时 · 还可回复 3 条')
    expect(windowLine({ ...open, repliesLeft: 0, open: false }, now)).toContain('条数已用完')
    expect(replyBlocked({ channel: 'wechat', wechatWindow: { ...open, open: false } })).toBe(true)
    expect(replyBlocked({ channel: 'app' })).toBe(false)
    expect(askText('KF-1')).toContain('KF-1')
  })
})

describe('message-push settings', () => {
  const env = (vars: Record<string, string>) => vars as NodeJS.ProcessEnv
  it('takes a 43-character EncodingAESKey and json or xml', () => {
    expect(loadConfig(env({ WECHAT_PUSH_AES_KEY: KEY, WECHAT_PUSH_FORMAT: 'XML' }))).toMatchObject({
      wechatPushAesKey: KEY,
      wechatPushFormat: 'xml',
    })
    expect(loadConfig(env({})).wechatPushFormat).toBe('json')
    expect(() => loadConfig(env({ WECHAT_PUSH_AES_KEY: 'short' }))).toThrow(ConfigError)
    expect(() => loadConfig(env({ WECHAT_PUSH_FORMAT: 'yaml' }))).toThrow(ConfigError)
  })
})

describe('the contact button’s sessionFrom', () => {
  it('reads back what the app fills, with the case number in its canonical form', () => {
    const raw = contactSessionFrom({
      userId: 'u_42',
      caseNo: 'kf7q3m2h',
      orderNo: '2026112612345678',
      serviceType: 'logistics',
      page: '/pages/ticket/new/index?orderNo=2026112612345678',
    })
    expect(parseSessionFrom(raw)).toEqual({
      userId: 'u_42',
      caseNo: 'KF-7Q3M-2H',
      orderNo: '2026112612345678',
      serviceType: 'logistics',
      page: 'pages/ticket/new/index?orderNo=2026112612345678',
    })
  })

  it('leaves out missing, unknown and garbled parts', () => {
    expect(parseSessionFrom(undefined)).toEqual({})
    expect(parseSessionFrom('')).toEqual({})
    expect(parseSessionFrom('someone else|case=KF-7Q3M-2H')).toEqual({})
    expect(parseSessionFrom('sd|uid=|case=KF-0000-00|order=12ab|page=https://evil.example/x|type=<b>|junk|=x')).toEqual({})
    expect(parseSessionFrom('sd|page=pages/help/index|colour=blue|case=KF-7Q3M-2H')).toEqual({
      page: 'pages/help/index',
      caseNo: 'KF-7Q3M-2H',
    })
    expect(parseSessionFrom(`sd|page=pages/${'a'.repeat(300)}/index`)).toEqual({})
  })
})

describe('where the shopper came from, as the agent reads it', () => {
  it('names the app’s pages and shows any other path as it is', () => {
    expect(entryLine(undefined)).toBeNull()
    expect(entryLine('pages/ticket/detail/index?id=42')).toBe('来自页面：工单详情')
    expect(entryLine('pages/promo/index')).toBe('来自页面：pages/promo/index')
  })
})
