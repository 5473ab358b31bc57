import { preferredLang } from './platform'

const zh = {
  title: '隐私保护提示',
  body: '为了让您在咨询和工单中上传商品照片、支付截图等凭证，我们需要在您选择照片时使用相册或相机。使用前请阅读并同意',
  guideline: '《客服中心隐私保护指引》',
  bodyEnd: '。我们只把照片发给为您处理问题的客服。',
  agree: '同意并继续',
  refuse: '暂不同意',
  refusedTitle: '暂时无法添加照片',
  refusedBody:
    '您未同意隐私保护指引，所以现在不能选择照片。文字咨询、查看和提交工单等其他功能都可以正常使用；需要上传照片时，再次点击添加照片并同意即可。',
  ok: '知道了',
  notImage: '只能添加图片（JPG、PNG 等），请重新选择',
  someNotImages: '已忽略非图片文件，只添加了图片',
}

export type PrivacyText = typeof zh

const en: PrivacyText = {
  title: 'Your privacy',
  body: 'To attach photos of your order or payment screenshots in chats and tickets, the app uses your album or camera when you pick a photo. Please read and accept the',
  guideline: ' privacy guideline',
  bodyEnd: ' first. Photos go only to the agents handling your request.',
  agree: 'Accept and continue',
  refuse: 'Not now',
  refusedTitle: 'Photos unavailable',
  refusedBody:
    'You have not accepted the privacy guideline, so photos cannot be picked now. Chat, tickets and everything else keep working; tap add photo again and accept when you want to attach one.',
  ok: 'OK',
  notImage: 'Only photos can be added (JPG, PNG…). Please pick again',
  someNotImages: 'Files that are not photos were left out',
}

/** Texts of the privacy consent in the user's language. */
export const privacyText: PrivacyText = preferredLang() === 'en' ? en : zh
