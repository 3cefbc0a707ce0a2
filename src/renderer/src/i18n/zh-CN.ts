import { insightsZh } from './areas/insights';
import { serviceZh } from './areas/service';
import { returnsZh } from './areas/returns';
import { feedbackZh } from './areas/feedback';
import { syncZh } from './areas/sync';
import { recsZh } from './areas/recs';
import { logisticsZh } from './areas/logistics';
import { paymentsZh } from './areas/payments';
import { campaignsZh } from './areas/campaigns';
import { communityZh } from './areas/community';
import { customersZh } from './areas/customers';
import type { Dictionary } from './dictionary';
import { loyaltyZh } from './areas/loyalty';
import { ordersZh } from './areas/orders';

/** Simplified Chinese. Typed as `Dictionary`: a missing or extra key is a compile error. */
export const zhCN: Dictionary = {
  ...ordersZh,
  ...insightsZh,
  ...customersZh,
  ...serviceZh,
  ...returnsZh,
  ...feedbackZh,
  ...loyaltyZh,
  ...syncZh,
  ...recsZh,
  ...logisticsZh,
  ...paymentsZh,
  ...campaignsZh,
  ...communityZh,
  'app.name': 'Backroom',
  'app.demoStore': '演示店铺',
  'app.noStore': '尚未连接店铺',
  'app.storeCount': '{count} 个店铺',
  'app.skipToContent': '跳到正文',
  'app.mainNavigation': '主导航',
  'app.openNavigation': '打开导航',
  'app.actingAs': '当前操作人',
  'app.language': '语言',
  'app.toggleColorScheme': '切换浅色或深色',
  'app.settingsNotSaved': '更改已在此处生效，但未能保存。',

  'language.en': 'English',
  'language.zh-CN': '中文',

  'area.dashboard.title': '概览',
  'area.orders.title': '订单',
  'area.customers.title': '客户',
  'area.loyalty.title': '会员积分',
  'area.service.title': '客服',
  'area.returns.title': '退货',
  'area.feedback.title': '评价反馈',
  'area.logistics.title': '物流',
  'area.logistics.soon': '发货记录及其物流轨迹：哪些在途、哪些延误、哪些投递失败，让您在客户来问之前主动联系。',
  'area.recommendations.title': '商品推荐',
  'area.recommendations.soon': '根据您自己的订单学习商品推荐，例如“经常一起购买”和“下一次可能购买”，并可设置推荐哪些商品、推荐给谁。',
  'area.sync.title': '同步',
  'area.settings.title': '设置',
  'area.comingSoon': '即将推出',
  'area.notBuiltYet': '此功能尚在建设中。它将提供：',
  'area.notFound.title': '页面不存在',
  'area.notFound.body': '此地址没有对应的页面。',
  'area.notFound.back': '返回概览',

  'settings.language': '语言',
  'settings.languageHint': '控制台界面以及数字、金额和日期所使用的语言。',
  'settings.colorScheme': '主题',
  'settings.colorSchemeHint': '“自动”会跟随操作系统的设置。',
  'settings.scheme.light': '浅色',
  'settings.scheme.dark': '深色',
  'settings.scheme.auto': '自动',
  'settings.about': '关于',
  'settings.version': '版本',
  'settings.schemaVersion': '数据库结构版本',
  'settings.databasePath': '数据库文件',
  'settings.stores': '店铺',

  'range.label': '日期范围',
  'range.last7': '最近 7 天',
  'range.last30': '最近 30 天',
  'range.last90': '最近 90 天',
  'range.last12m': '最近 12 个月',
  'range.all': '全部时间',
  'range.custom': '自定义',
  'range.pickDates': '选择日期',
  'range.comparedWith': '对比 {from} – {to}',
  'range.allTimeNoComparison': '全部订单，无对比周期',
  'range.currency': '币种',

  'kpi.netRevenue': '净收入',
  'kpi.orders': '订单数',
  'kpi.averageOrderValue': '平均客单价',
  'kpi.repeatRate': '复购率',
  'kpi.activeCustomers': '活跃客户',
  'kpi.openTickets': '未结工单',
  'kpi.openTicketsHint': '当前',
  'kpi.vsPrevious': '较上一周期',
  'kpi.noPrevious': '上一周期无数据',
  'kpi.up': '上升 {value}',
  'kpi.down': '下降 {value}',
  'kpi.unchanged': '持平',
  'kpi.points': '{value} 个百分点',
  'kpi.notAvailable': '—',

  'chart.revenue.title': '净收入',
  'chart.revenue.day': '每日净收入',
  'chart.revenue.week': '每周净收入',
  'chart.revenue.month': '每月净收入',
  'chart.mix.title': '新客户与回头客',
  'chart.mix.new': '新客户',
  'chart.mix.returning': '回头客',
  'chart.orders': '订单数',
  'chart.weekOf': '{date} 当周',
  'chart.noData': '此期间没有订单。',

  'dashboard.empty.title': '暂无订单',
  'dashboard.empty.body': '连接您的店铺或载入演示数据后，这里将显示收入、客户和工单情况。',
  'dashboard.empty.action': '连接店铺',

  'state.retry': '重试',
  'state.errorTitle': '出现问题',

  'error.VALIDATION': '请求无效。请检查输入的内容后重试。',
  'error.NOT_FOUND': '找不到您要的内容，它可能已被删除。',
  'error.CONFLICT': '该内容已在其他地方被修改。请刷新后重试。',
  'error.OFFLINE': '控制台暂时无法连接到 Backroom。请确认 Backroom 正在运行。',
  'error.UPSTREAM': '已连接的平台没有按预期响应。请稍后重试。',
  'error.UNAUTHORIZED': '此控制台尚未登录。请使用 Backroom 输出的链接（包含令牌）重新打开。',
  'error.INTERNAL': 'Backroom 遇到了意外问题。请重试；如果问题持续，请重新启动 Backroom。',
};
