import type { Database } from '../../db/database'
import { splitForCheck, type Scene, type WechatSecurityClient } from './wechat-security.client'
import type { WordList } from './word-list'

/** Why a text was refused, for the log (never shown to the sender). */
export interface Refusal {
  source: 'wechat' | 'local'
  label: number | null
}

type Warn = (obj: object, msg: string) => void

/**
 * Decides whether a shopper's text may be stored: WeChat's msgSecCheck v2 when credentials are
 * set and the shopper has an openid (texts longer than 2,500 characters go in pieces), else the
 * local word list. When WeChat cannot answer, the word list decides rather than blocking everyone.
 */
export class TextModeration {
  constructor(
    private readonly db: Database,
    private readonly words: WordList,
    private readonly wechat: WechatSecurityClient | null,
    private readonly warn: Warn,
  ) {}

  /** Null when every text may be stored, else why the first refused one was refused. */
  async refuse(userId: string, texts: string[], scene: Scene): Promise<Refusal | null> {
    const content = texts.filter((t) => t.trim() !== '')
    if (content.length === 0) return null
    const openid = this.wechat ? await this.openidOf(userId) : null
    if (this.wechat && openid) {
      try {
        for (const text of content) {
          for (const part of splitForCheck(text)) {
            const verdict = await this.wechat.checkText(part, openid, scene)
            if (verdict.suggest === 'risky') return { source: 'wechat', label: verdict.label }
          }
        }
        return null
      } catch (err) {
        this.warn({ err }, 'msgSecCheck failed; the local word list decides')
      }
    }
    return content.some((t) => this.words.find(t) !== null) ? { source: 'local', label: null } : null
  }

  private async openidOf(userId: string): Promise<string | null> {
    const row = await this.db.selectFrom('users').select('openid').where('id', '=', userId).executeTakeFirst()
    return row?.openid ?? null
  }
}
