/** The starter knowledge base: what staff of a small gift shop look up most, in English and Simplified Chinese. */
export interface StarterArticle {
  title: { en: string; zh: string };
  body: { en: string; zh: string };
  tags: { en: string[]; zh: string[] };
}

export const STARTER_ARTICLES: StarterArticle[] = [
  {
    title: { en: 'Shipping times and carriers', zh: '配送时间与承运商' },
    body: {
      en: 'Orders placed before 2 pm ship the same business day. Within North America parcels take 1 to 6 business days ' +
        '(Canada Post, Purolator, UPS, USPS, FedEx); Europe 5 to 11 days with DHL or Royal Mail; Australia and New Zealand ' +
        '7 to 15 days. A tracking link is e-mailed when the label is printed.',
      zh: '下午两点前下的订单当天发货。北美地区 1 至 6 个工作日送达（加拿大邮政、Purolator、UPS、USPS、FedEx）；' +
        '欧洲 5 至 11 天（DHL 或皇家邮政）；澳大利亚和新西兰 7 至 15 天。打印运单后会通过邮件发送物流追踪链接。',
    },
    tags: { en: ['shipping', 'tracking'], zh: ['配送', '物流'] },
  },
  {
    title: { en: 'Return policy', zh: '退货政策' },
    body: {
      en: 'Unused items in their original packaging can be returned within 30 days of delivery. Candles that have been ' +
        'lit, opened skincare and personalised items are final sale. Return shipping is free with our prepaid label; ' +
        'the refund goes back to the original payment method within five business days of the parcel arriving.',
      zh: '未使用且包装完好的商品可在签收后 30 天内退货。已点燃的蜡烛、已开封的护肤品和定制商品不支持退货。' +
        '使用我们的预付运单退货免运费；包裹到达后五个工作日内原路退款。',
    },
    tags: { en: ['returns', 'refunds'], zh: ['退货', '退款'] },
  },
  {
    title: { en: 'Damaged or missing items', zh: '商品破损或漏发' },
    body: {
      en: 'Ask for a photo of the parcel and the item, then send a replacement straight away: no need for the customer to ' +
        'return a broken item. If the item is out of stock, offer a refund or a similar item. Tag the ticket "damaged" so ' +
        'the packing team sees it in the weekly review.',
      zh: '请顾客提供包裹和商品的照片，然后立即补发，破损商品无需寄回。如果商品缺货，可提供退款或同类商品。' +
        '请给工单加上“damaged”标签，方便打包团队在每周复盘时查看。',
    },
    tags: { en: ['damaged', 'shipping'], zh: ['破损', '补发'] },
  },
  {
    title: { en: 'How Moss Points work', zh: 'Moss 积分规则' },
    body: {
      en: 'Customers earn one point per dollar spent, credited when the order is delivered. 100 points take $1 off at ' +
        'checkout. Points from a refunded order are taken back. Goodwill points can be given from the customer panel with ' +
        'a reason; they appear in the points history.',
      zh: '顾客每消费 1 美元获得 1 积分，订单签收后到账。结账时 100 积分可抵扣 1 美元。订单退款时，相应积分会被扣回。' +
        '可以在顾客面板中填写原因赠送补偿积分，积分记录中会显示。',
    },
    tags: { en: ['loyalty', 'points'], zh: ['积分', '会员'] },
  },
  {
    title: { en: 'Gift wrapping and handwritten cards', zh: '礼品包装与手写贺卡' },
    body: {
      en: 'Gift wrap and a handwritten card are free on every order. The message comes from the order note. Gift orders ' +
        'ship without a packing slip showing prices. Gift sets come pre-wrapped in a kraft box with a moss ribbon.',
      zh: '每笔订单均可免费礼品包装并附手写贺卡，贺卡内容取自订单备注。礼品订单的包裹中不含价格单。礼盒套装已用牛皮纸盒和苔绿色丝带包装好。',
    },
    tags: { en: ['gifts', 'pre-sale'], zh: ['礼品', '包装'] },
  },
  {
    title: { en: 'Changing or cancelling an order', zh: '修改或取消订单' },
    body: {
      en: 'Orders can be changed or cancelled until they are packed, usually within two hours of being placed. Update the ' +
        'address on the order itself, then tell the customer. Once a label is printed, offer a return instead.',
      zh: '订单在打包前都可以修改或取消，通常是下单后两小时内。请直接在订单上修改地址，然后告知顾客。运单打印后则只能走退货流程。',
    },
    tags: { en: ['orders', 'address'], zh: ['订单', '地址'] },
  },
  {
    title: { en: 'Caring for candles and ceramics', zh: '蜡烛与陶瓷的保养' },
    body: {
      en: 'Trim candle wicks to 5 mm before each burn and let the first burn melt the whole surface to avoid tunnelling. ' +
        'Kiln & Co ceramics are dishwasher safe but not for the microwave because of the glaze.',
      zh: '每次点燃前将烛芯修剪至 5 毫米，第一次燃烧时让整个表面都融化，可以避免出现“隧道”。' +
        'Kiln & Co 陶瓷可以放入洗碗机，但因釉料原因不能放入微波炉。',
    },
    tags: { en: ['candles', 'ceramics', 'product care'], zh: ['蜡烛', '陶瓷', '保养'] },
  },
  {
    title: { en: 'Payment methods and currencies', zh: '支付方式与币种' },
    body: {
      en: 'We accept cards, PayPal, Apple Pay and Google Pay. Prices are charged in the currency of the store the customer ' +
        'ordered from; the bank sets any conversion rate. A refund is returned in the same currency as the payment.',
      zh: '我们支持银行卡、PayPal、Apple Pay 和 Google Pay。按顾客下单店铺的币种收款，汇率由银行决定。退款以原支付币种退回。',
    },
    tags: { en: ['payments', 'refunds'], zh: ['支付', '币种'] },
  },
];
