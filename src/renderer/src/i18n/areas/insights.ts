/**
 * The retention insights' messages (the Dashboard's insights section) and the
 * chart export menu every chart shares, English and Simplified Chinese side by
 * side. Spread into ../en.ts and ../zh-CN.ts; keys start with 'insights.'.
 * The definitions ('insights.def.*') cover every key of INSIGHT_DEFINITIONS in
 * the contract, so any page can explain a figure the same way.
 */
export const insightsEn = {
  'insights.chart.definitionOf': 'What “{title}” shows',
  'insights.chart.export': 'Export',
  'insights.chart.exportOf': 'Export “{title}”',
  'insights.chart.exportPng': 'Export PNG',
  'insights.chart.exportCsv': 'Export CSV',
  'insights.chart.pngFailed': 'The chart could not be saved as an image. Wait until it has loaded and try again.',
  'insights.chart.noChart': 'There is no chart to save yet: wait until it has loaded, or choose a range with data.',

  'insights.tab.overview': 'Sales overview',
  'insights.tab.retention': 'Retention insights',
  'insights.tabsLabel': 'Dashboard sections',
  'insights.rollupsAt': 'Figures up to date as of {time}',
  'insights.definitionOf': 'What “{label}” means',
  'insights.grid.hint': 'Point at a cell, or press Tab and use the arrow keys, to read it.',

  'insights.tile.repeatPurchaseRate': 'Repeat purchase rate',
  'insights.tile.pointsLiability': 'Points liability',
  'insights.tile.pointsLiabilityNote':
    'Points held now that are expected to be redeemed',
  'insights.tile.redemptionRate': 'Points redemption rate',
  'insights.tile.redemptionRateNote':
    'Redeemed rather than expired, last 12 months',
  'insights.tile.slaCompliance': 'SLA compliance',
  'insights.tile.csat': 'CSAT',
  'insights.tile.csatValue': '{score} / 5',
  'insights.tile.csatResponses': '{count} responses',
  'insights.tile.returnRate': 'Return rate',
  'insights.tile.onTimeRate': 'On-time delivery',

  'insights.csv.period': 'Period',
  'insights.csv.currency': 'Currency',

  'insights.cohorts.title': 'Monthly cohort retention',
  'insights.cohorts.measureLabel': 'What the cells show',
  'insights.cohorts.measure.customers': 'Customers %',
  'insights.cohorts.measure.revenue': 'Revenue per customer',
  'insights.cohorts.monthsLabel': 'Months followed',
  'insights.cohorts.monthsOption': '{count} months',
  'insights.cohorts.cohort': 'Cohort',
  'insights.cohorts.size': 'Customers',
  'insights.cohorts.month': 'Month {n}',
  'insights.cohorts.monthsSince': 'Months since the first order',
  'insights.cohorts.cellCustomers': '{cohort}, month {n}: {count} of {size} customers ordered ({share})',
  'insights.cohorts.cellRevenue': '{cohort}, month {n}: {value} per customer ({total} in all)',
  'insights.cohorts.cellFuture': '{cohort}, month {n}: not reached yet',
  'insights.cohorts.empty':
    'No customer placed a first order in this period. Choose a longer range, such as the last 12 months.',

  'insights.repeat.title': 'Time between orders',
  'insights.repeat.bucket': 'Days to the next order',
  'insights.repeat.bucketRange': '{from}–{to} days',
  'insights.repeat.bucketOpen': '{from}+ days',
  'insights.repeat.bucketOne': '{from} days',
  'insights.repeat.orders': 'Repeat orders',
  'insights.repeat.fromDays': 'From (days)',
  'insights.repeat.toDays': 'To (days)',
  'insights.repeat.p50': 'Median',
  'insights.repeat.p90': '90th percentile',
  'insights.repeat.days': '{days} days',
  'insights.repeat.rate': 'Repeat purchase rate',
  'insights.repeat.returningShare': 'Orders from returning customers',
  'insights.repeat.empty': 'No customer has ordered twice yet. Repeat orders show here once customers come back.',

  'insights.clv.title': 'Customer lifetime value',
  'insights.clv.byLabel': 'Group by',
  'insights.clv.byCohort': 'Cohort',
  'insights.clv.bySegment': 'Segment',
  'insights.clv.at3': 'After 3 months',
  'insights.clv.at6': 'After 6 months',
  'insights.clv.at12': 'After 12 months',
  'insights.clv.toDate': 'To date',
  'insights.clv.customers': 'Customers',
  'insights.clv.revenue': 'Net revenue',
  'insights.clv.ordersPerCustomer': 'Orders per customer',
  'insights.clv.tooltipCustomers': '{count} customers · {orders} orders each',
  'insights.clv.empty': 'No customers with orders in this period yet. Choose a longer range.',
  'insights.clv.emptySegments':
    'No segments to group by yet: open Customers → Segments and press “Recompute segments”, or choose a longer range.',

  'insights.movement.title': 'RFM segment movement',
  'insights.movement.window': 'From {from} to {to}',
  'insights.movement.windowUnknown': 'No segment computation yet',
  'insights.movement.windowFirst': 'Up to the first computation, {to}',
  'insights.movement.from': 'Segment before',
  'insights.movement.to': 'Segment after',
  'insights.movement.customers': 'Customers',
  'insights.movement.cellMoved': '{count} customers moved from {from} to {to}',
  'insights.movement.cellStayed': '{count} customers stayed in {from}',
  'insights.movement.empty':
    'No segment movement to show yet: segments have not been computed. Open Customers → Segments and press “Recompute segments”; movement shows from then on.',

  'insights.def.netRevenue':
    'Order totals less refunds, for orders that were not cancelled, in the chosen currency. Each order counts on the UTC day it was placed.',
  'insights.def.customerMix':
    'Customers who ordered in each period: new ones placed their first order then, returning ones had ordered before.',
  'insights.def.repeatPurchaseRate':
    'Of the customers whose first order falls in the range, the share who ordered again (at any time up to today). Cancelled and guest orders are not counted.',
  'insights.def.timeBetweenOrders':
    'For each order in the range that is not its customer’s first, the whole UTC days since that customer’s previous order. Cancelled and guest orders are not counted. Median and 90th percentile by the nearest-rank method.',
  'insights.def.cohortRetention':
    'Customers grouped by the UTC month of their first non-cancelled order. A cell shows the share of the cohort with at least one order that many months later (or, by revenue, net revenue per cohort customer in that month). Month 0 is the first month.',
  'insights.def.clv':
    'Customer lifetime value: net revenue (order totals less refunds, cancelled orders excluded) per customer of the customers whose first order falls in the range. By cohort: to date, and within the first 3, 6 and 12 months (the first order’s month counts as the first), shown once those months have ended. By segment: by the customers’ current RFM segment.',
  'insights.def.segmentMovement':
    'Customers counted by their RFM segment (recency, frequency, monetary value) at the start of the window and at its end. The diagonal is customers who stayed.',
  'insights.def.pointsLiability':
    'The value of the points customers hold now, times the share expected to be redeemed (the redemption rate; all of them until there are 12 months of history): what the program owes customers.',
  'insights.def.redemptionRate':
    'Of the points that left customers’ balances in the last 12 months, the share redeemed rather than expired. Shown once there are 12 months of history.',
  'insights.def.slaCompliance':
    'Of the first-reply and resolution targets of the tickets created in the range, the share met, as the SLA report counts them (a target still open past its deadline counts as missed).',
  'insights.def.csat':
    'The average satisfaction score (1 to 5) of the tickets created in the range that were rated.',
  'insights.def.returnRate':
    'Returns requested in the range as a share of the parcels shipped in the range that have been delivered.',
  'insights.def.onTimeRate':
    'Of the delivered parcels with an estimated delivery day that shipped in the range, the share delivered by the original estimate’s day (UTC), or by the current estimate when there was no original one.',
  'insights.def.deliveryRate': 'Of the shipments shipped in the range, the share delivered.',
  'insights.def.transitDays':
    'Whole days from the day a parcel shipped to the day it was delivered (UTC); business days count Monday to Friday only.',
  'insights.def.orderToDelivery': 'Whole days from the day the order was placed to the day it was delivered (UTC).',
  'insights.def.refundRate': 'Refunded amount as a share of gross sales in the range.',
};

export const insightsZh: Record<keyof typeof insightsEn, string> = {
  'insights.chart.definitionOf': '“{title}”的含义',
  'insights.chart.export': '导出',
  'insights.chart.exportOf': '导出“{title}”',
  'insights.chart.exportPng': '导出 PNG',
  'insights.chart.exportCsv': '导出 CSV',
  'insights.chart.pngFailed': '无法将图表保存为图片。请等图表加载完成后重试。',
  'insights.chart.noChart': '暂无可保存的图表：请等图表加载完成，或选择有数据的时间范围。',

  'insights.tab.overview': '销售概况',
  'insights.tab.retention': '留存洞察',
  'insights.tabsLabel': '仪表盘分区',
  'insights.rollupsAt': '数据更新至 {time}',
  'insights.definitionOf': '“{label}”的含义',
  'insights.grid.hint': '将指针移到单元格上，或按 Tab 后用方向键浏览，即可查看详情。',

  'insights.tile.repeatPurchaseRate': '复购率',
  'insights.tile.pointsLiability': '积分负债',
  'insights.tile.pointsLiabilityNote': '当前持有且预计会被兑换的积分',
  'insights.tile.redemptionRate': '积分兑换率',
  'insights.tile.redemptionRateNote': '近 12 个月中被兑换（而非过期）的比例',
  'insights.tile.slaCompliance': 'SLA 达成率',
  'insights.tile.csat': '客户满意度',
  'insights.tile.csatValue': '{score} / 5',
  'insights.tile.csatResponses': '{count} 份回复',
  'insights.tile.returnRate': '退货率',
  'insights.tile.onTimeRate': '准时送达率',

  'insights.csv.period': '期间',
  'insights.csv.currency': '币种',

  'insights.cohorts.title': '月度同期群留存',
  'insights.cohorts.measureLabel': '单元格显示',
  'insights.cohorts.measure.customers': '客户占比',
  'insights.cohorts.measure.revenue': '客均收入',
  'insights.cohorts.monthsLabel': '跟踪月数',
  'insights.cohorts.monthsOption': '{count} 个月',
  'insights.cohorts.cohort': '同期群',
  'insights.cohorts.size': '客户数',
  'insights.cohorts.month': '第 {n} 个月',
  'insights.cohorts.monthsSince': '首单后的月数',
  'insights.cohorts.cellCustomers': '{cohort}，第 {n} 个月：{size} 位客户中有 {count} 位下单（{share}）',
  'insights.cohorts.cellRevenue': '{cohort}，第 {n} 个月：客均 {value}（合计 {total}）',
  'insights.cohorts.cellFuture': '{cohort}，第 {n} 个月：尚未到来',
  'insights.cohorts.empty': '此期间没有客户下首单。请选择更长的范围，例如最近 12 个月。',

  'insights.repeat.title': '下单间隔',
  'insights.repeat.bucket': '距下一单的天数',
  'insights.repeat.bucketRange': '{from}–{to} 天',
  'insights.repeat.bucketOpen': '{from} 天以上',
  'insights.repeat.bucketOne': '{from} 天',
  'insights.repeat.orders': '复购订单',
  'insights.repeat.fromDays': '起始（天）',
  'insights.repeat.toDays': '截止（天）',
  'insights.repeat.p50': '中位数',
  'insights.repeat.p90': '第 90 百分位',
  'insights.repeat.days': '{days} 天',
  'insights.repeat.rate': '复购率',
  'insights.repeat.returningShare': '老客户订单占比',
  'insights.repeat.empty': '还没有客户下过第二单。客户回购后，这里会显示复购订单。',

  'insights.clv.title': '客户终身价值',
  'insights.clv.byLabel': '分组方式',
  'insights.clv.byCohort': '同期群',
  'insights.clv.bySegment': '客户分群',
  'insights.clv.at3': '3 个月内',
  'insights.clv.at6': '6 个月内',
  'insights.clv.at12': '12 个月内',
  'insights.clv.toDate': '至今',
  'insights.clv.customers': '客户数',
  'insights.clv.revenue': '净收入',
  'insights.clv.ordersPerCustomer': '人均订单数',
  'insights.clv.tooltipCustomers': '{count} 位客户 · 人均 {orders} 单',
  'insights.clv.empty': '此期间还没有下过单的客户。请选择更长的范围。',
  'insights.clv.emptySegments': '暂无可分组的分群：请打开“客户 → 分群”并点击“重新计算分群”，或选择更长的范围。',

  'insights.movement.title': 'RFM 分群迁移',
  'insights.movement.window': '{from} 至 {to}',
  'insights.movement.windowUnknown': '尚未计算分群',
  'insights.movement.windowFirst': '截至首次计算（{to}）',
  'insights.movement.from': '之前的分群',
  'insights.movement.to': '之后的分群',
  'insights.movement.customers': '客户数',
  'insights.movement.cellMoved': '{count} 位客户从{from}变为{to}',
  'insights.movement.cellStayed': '{count} 位客户仍为{from}',
  'insights.movement.empty': '暂无分群迁移数据：尚未计算客户分群。请打开“客户 → 分群”并点击“重新计算分群”，之后即可显示迁移。',

  'insights.def.netRevenue': '未取消订单的订单总额减去退款，按所选币种计算。每笔订单计入其下单当天（UTC）。',
  'insights.def.customerMix': '各期间下单的客户：新客户在该期间下了首单，老客户此前已下过单。',
  'insights.def.repeatPurchaseRate': '首单落在所选范围内的客户中，之后（截至今天）再次下单的比例。不计已取消订单和访客订单。',
  'insights.def.timeBetweenOrders': '所选范围内每笔非首单的订单，与该客户上一笔订单相隔的整天数（UTC）。不计已取消订单和访客订单。中位数和第 90 百分位采用最近秩法。',
  'insights.def.cohortRetention':
    '按客户首笔未取消订单所在的月份（UTC）分组。单元格显示该同期群在之后第几个月至少下过一单的客户占比（按收入时为该月同期群客均净收入）。第 0 个月即首单当月。',
  'insights.def.clv': '客户终身价值：首单落在所选范围内的客户的人均净收入（订单总额减退款，不含已取消订单）。按同期群：至今以及首单后 3、6、12 个月内（首单当月为第 1 个月）的数值，相应月份结束后才显示。按分群：按客户当前的 RFM 分群。',
  'insights.def.segmentMovement': '按 RFM 分群（最近购买、购买频率、消费金额）统计客户在时间窗口开始与结束时所属的分群。对角线为分群未变的客户。',
  'insights.def.pointsLiability': '客户当前持有积分的价值乘以预计兑换比例（即兑换率；历史不足 12 个月时按全部兑换计），即积分计划对客户的负债。',
  'insights.def.redemptionRate': '近 12 个月离开客户余额的积分中，被兑换（而非过期）的比例。有 12 个月历史后才显示。',
  'insights.def.slaCompliance': '所选范围内创建的工单的首次回复和解决时限中按时达成的比例，与 SLA 报表口径一致（已过期限仍未完成的计为未达成）。',
  'insights.def.csat': '所选范围内创建且已评分的工单的平均满意度（1 至 5 分）。',
  'insights.def.returnRate': '所选范围内的退货申请数占同期发出且已送达包裹数的比例。',
  'insights.def.onTimeRate': '所选范围内发出、有预计送达日且已送达的包裹中，在最初预计送达日（UTC）当天或之前送达的比例；没有最初预计时按当前预计。',
  'insights.def.deliveryRate': '所选范围内发出的包裹中已送达的比例。',
  'insights.def.transitDays': '从包裹发出当天到送达当天的整天数（UTC）；按工作日计算时只计周一至周五。',
  'insights.def.orderToDelivery': '从下单当天到送达当天的整天数（UTC）。',
  'insights.def.refundRate': '所选范围内退款金额占销售总额的比例。',
};
