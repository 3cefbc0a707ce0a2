import type { MacroActions } from '../../../shared/contract/macros';

/** The starter macros of a new shop (Maple & Moss in the demo), in English and Simplified Chinese. */
export interface StarterMacro {
  name: { en: string; zh: string };
  body: { en: string; zh: string };
  actions: MacroActions;
}

export const STARTER_MACROS: StarterMacro[] = [
  {
    name: { en: 'Where is my order', zh: '订单在哪里' },
    body: {
      en: 'Hi {{customer.first_name}},\n\nThanks for checking in! Your order {{order.number}} is on its way with ' +
        '{{order.carrier}}. You can follow every scan here: {{order.tracking_url}}\n\nParcels usually arrive within two ' +
        'or three days of the last scan. If nothing has moved by then, just reply and I will chase the carrier for you.\n\n' +
        'Warmly,\n{{staff.name}} at Maple & Moss',
      zh: '{{customer.first_name}}您好：\n\n感谢您的询问！您的订单 {{order.number}} 已由 {{order.carrier}} 承运，' +
        '可在这里查看物流进度：{{order.tracking_url}}\n\n包裹通常会在最后一次扫描后的两三天内送达。如果到时仍没有更新，' +
        '请直接回复此消息，我们会帮您联系承运商。\n\nMaple & Moss {{staff.name}} 敬上',
    },
    actions: { status: 'waiting_customer', addTags: ['shipping'] },
  },
  {
    name: { en: 'Damaged item: replacement on its way', zh: '商品破损：补发' },
    body: {
      en: 'Hi {{customer.first_name}},\n\nI am so sorry your order {{order.number}} arrived damaged. That is not how we ' +
        'want a Maple & Moss parcel to be opened. A replacement is already being packed and will ship within one business ' +
        'day; you do not need to send anything back.\n\nThank you for the photos, they help us pack more carefully.\n\n{{staff.name}}',
      zh: '{{customer.first_name}}您好：\n\n非常抱歉，您的订单 {{order.number}} 在运输中受损了，这绝不是我们希望您收到的样子。' +
        '补发的商品已在打包，将在一个工作日内寄出，破损的商品无需寄回。\n\n谢谢您提供的照片，这能帮助我们改进包装。\n\n{{staff.name}}',
    },
    actions: { priority: 'high', addTags: ['damaged'] },
  },
  {
    name: { en: 'How to return an item', zh: '如何退货' },
    body: {
      en: 'Hi {{customer.first_name}},\n\nOf course! Unused items can be returned within 30 days of delivery. Reply with ' +
        'the items you would like to send back from order {{order.number}} and I will start the return and e-mail you a ' +
        'prepaid label. Once the parcel reaches us, your refund follows within five business days.\n\n{{staff.name}}',
      zh: '{{customer.first_name}}您好：\n\n当然可以！未使用的商品可在签收后 30 天内退货。请回复您想退回的订单 {{order.number}} ' +
        '中的商品，我们会为您创建退货申请，并通过邮件发送预付运单。包裹到达后，退款将在五个工作日内完成。\n\n{{staff.name}}',
    },
    actions: { status: 'waiting_customer', addTags: ['returns'] },
  },
  {
    name: { en: 'Refund issued', zh: '退款已处理' },
    body: {
      en: 'Hi {{customer.first_name}},\n\nGood news: the refund for order {{order.number}} has been issued today. Banks ' +
        'usually take three to five business days to show it on your statement.\n\nThank you for your patience, and we ' +
        'hope to see you again soon.\n\n{{staff.name}}',
      zh: '{{customer.first_name}}您好：\n\n好消息：订单 {{order.number}} 的退款已于今天办理。银行通常需要三到五个工作日入账。' +
        '\n\n感谢您的耐心等待，期待您再次光临。\n\n{{staff.name}}',
    },
    actions: { status: 'solved', addTags: ['refunds'] },
  },
  {
    name: { en: 'Points balance', zh: '积分余额' },
    body: {
      en: 'Hi {{customer.first_name}},\n\nYou have {{points.balance}} Moss Points ready to use, and your membership level ' +
        'is {{tier.name}}. Points come off at checkout: just choose "Use my points" before you pay.\n\n{{staff.name}}',
      zh: '{{customer.first_name}}您好：\n\n您目前有 {{points.balance}} 个可用的 Moss 积分，会员等级为 {{tier.name}}。' +
        '结账时选择“使用积分”即可抵扣。\n\n{{staff.name}}',
    },
    actions: { addTags: ['loyalty'] },
  },
  {
    name: { en: 'Shipping address updated', zh: '收货地址已修改' },
    body: {
      en: 'Hi {{customer.first_name}},\n\nDone! The shipping address on order {{order.number}} is updated, and the parcel ' +
        'will go to the new address. Thanks for letting us know before it shipped.\n\n{{staff.name}}',
      zh: '{{customer.first_name}}您好：\n\n已为您修改订单 {{order.number}} 的收货地址，包裹将寄往新地址。' +
        '感谢您在发货前告诉我们。\n\n{{staff.name}}',
    },
    actions: { status: 'solved', addTags: ['address'] },
  },
  {
    name: { en: 'Gift wrapping and cards', zh: '礼品包装与贺卡' },
    body: {
      en: 'Hi {{customer.first_name}},\n\nEvery order can be gift wrapped in our moss-green paper with a handwritten card, ' +
        'free of charge. Add a note at checkout with the message you would like, and we will leave the prices out of the ' +
        'parcel.\n\n{{staff.name}}',
      zh: '{{customer.first_name}}您好：\n\n每笔订单都可免费使用我们的苔绿色礼品纸包装，并附上手写贺卡。' +
        '结账时在备注中写下您想说的话即可，包裹中不会放价格单。\n\n{{staff.name}}',
    },
    actions: { status: 'solved', addTags: ['pre-sale'] },
  },
  {
    name: { en: 'Glad we could help', zh: '很高兴能帮到您' },
    body: {
      en: 'Hi {{customer.first_name}},\n\nI am glad we could sort this out! I will close this conversation for now; if ' +
        'anything else comes up, just reply and it will come straight back to us.\n\nHave a lovely day,\n{{staff.name}}',
      zh: '{{customer.first_name}}您好：\n\n很高兴问题已经解决！这次对话我们先关闭了；如果还有任何问题，直接回复即可，' +
        '我们会第一时间处理。\n\n祝您生活愉快！\n{{staff.name}}',
    },
    actions: { status: 'solved' },
  },
];
