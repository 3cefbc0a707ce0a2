/**
 * The satisfaction request a merchant sends after a solve, in the shop's
 * language: the score question, a link to the shop's feedback page carrying
 * the code, and the code itself for channels where links do not work.
 */
export type CsatLanguage = 'en' | 'zh-CN';

export interface CsatMessageFields {
  ticketId: number;
  subject: string;
  firstName: string | null;
  /** The shop's domain, e.g. "example-shop.com"; without one the link says "shop". */
  domain: string | null;
  code: string;
}

export function csatLink(domain: string | null, code: string): string {
  const host = (domain ?? '').trim().replace(/^https?:\/\//, '').replace(/\/+$/, '') || 'shop';
  return `https://${host}/pages/feedback?csat=${encodeURIComponent(code)}`;
}

export function csatMessage(language: CsatLanguage, fields: CsatMessageFields): string {
  const link = csatLink(fields.domain, fields.code);
  if (language === 'zh-CN') {
    const name = fields.firstName ? `${fields.firstName}，` : '';
    return `您好${name}您的问题“${fields.subject}”（工单 #${fields.ticketId}）已经解决。`
      + `您对我们的服务满意吗？请从 1（非常不满意）到 5（非常满意）打分：${link}`
      + `\n也可以直接回复分数和评价代码 ${fields.code}。`;
  }
  const greeting = fields.firstName ? `Hi ${fields.firstName},` : 'Hi,';
  return `${greeting} your request "${fields.subject}" (ticket #${fields.ticketId}) is solved. `
    + `How satisfied are you with our help, from 1 (not at all) to 5 (very)? Tell us here: ${link}`
    + `\nOr simply reply with your score and the code ${fields.code}.`;
}
