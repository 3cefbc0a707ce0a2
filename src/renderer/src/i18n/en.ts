import { insightsEn } from './areas/insights';
import { serviceEn } from './areas/service';
import { returnsEn } from './areas/returns';
import { feedbackEn } from './areas/feedback';
import { syncEn } from './areas/sync';
import { recsEn } from './areas/recs';
import { logisticsEn } from './areas/logistics';
import { paymentsEn } from './areas/payments';
import { campaignsEn } from './areas/campaigns';
import { communityEn } from './areas/community';
/**
 * English, the reference dictionary: its keys define `MessageKey`, and every
 * other language must provide exactly these keys (see ./dictionary.ts).
 * Placeholders are written {name} and filled by `t(key, { name })`.
 */
import { customersEn } from './areas/customers';
import { loyaltyEn } from './areas/loyalty';
import { ordersEn } from './areas/orders';

export const en = {
  ...ordersEn,
  ...insightsEn,
  ...customersEn,
  ...serviceEn,
  ...returnsEn,
  ...feedbackEn,
  ...loyaltyEn,
  ...syncEn,
  ...recsEn,
  ...logisticsEn,
  ...paymentsEn,
  ...campaignsEn,
  ...communityEn,
  'app.name': 'Backroom',
  'app.demoStore': 'Demo store',
  'app.noStore': 'No store connected',
  'app.storeCount': '{count} stores',
  'app.skipToContent': 'Skip to content',
  'app.mainNavigation': 'Main navigation',
  'app.openNavigation': 'Open navigation',
  'app.actingAs': 'Acting as',
  'app.language': 'Language',
  'app.toggleColorScheme': 'Switch between light and dark',
  'app.settingsNotSaved': 'Your change was applied here but could not be saved.',

  'language.en': 'English',
  'language.zh-CN': '中文',

  'area.dashboard.title': 'Dashboard',
  'area.orders.title': 'Orders',
  'area.customers.title': 'Customers',
  'area.loyalty.title': 'Loyalty',
  'area.service.title': 'Service',
  'area.returns.title': 'Returns',
  'area.feedback.title': 'Feedback',
  'area.logistics.title': 'Logistics',
  'area.logistics.soon':
    'Shipments and their tracking events: what is in transit, what is late and what failed, so you can contact the customer before they contact you.',
  'area.recommendations.title': 'Recommendations',
  'area.recommendations.soon':
    'Product recommendations learned from your own orders, such as bought-together and next-purchase suggestions, with settings for what may be recommended and to whom.',
  'area.sync.title': 'Sync',
  'area.settings.title': 'Settings',
  'area.comingSoon': 'Coming soon',
  'area.notBuiltYet': 'This area is not built yet. Here is what it will do:',
  'area.notFound.title': 'Page not found',
  'area.notFound.body': 'There is no page at this address.',
  'area.notFound.back': 'Back to the dashboard',

  'settings.language': 'Language',
  'settings.languageHint': 'The language of the console and of numbers, money and dates.',
  'settings.colorScheme': 'Theme',
  'settings.colorSchemeHint': 'Automatic follows your operating system.',
  'settings.scheme.light': 'Light',
  'settings.scheme.dark': 'Dark',
  'settings.scheme.auto': 'Automatic',
  'settings.about': 'About',
  'settings.version': 'Version',
  'settings.schemaVersion': 'Database schema',
  'settings.databasePath': 'Database file',
  'settings.stores': 'Stores',

  'range.label': 'Date range',
  'range.last7': 'Last 7 days',
  'range.last30': 'Last 30 days',
  'range.last90': 'Last 90 days',
  'range.last12m': 'Last 12 months',
  'range.all': 'All time',
  'range.custom': 'Custom',
  'range.pickDates': 'Pick dates',
  'range.comparedWith': 'Compared with {from} – {to}',
  'range.allTimeNoComparison': 'All orders, no comparison period',
  'range.currency': 'Currency',

  'kpi.netRevenue': 'Net revenue',
  'kpi.orders': 'Orders',
  'kpi.averageOrderValue': 'Average order value',
  'kpi.repeatRate': 'Repeat-purchase rate',
  'kpi.activeCustomers': 'Active customers',
  'kpi.openTickets': 'Open tickets',
  'kpi.openTicketsHint': 'Right now',
  'kpi.vsPrevious': 'vs previous period',
  'kpi.noPrevious': 'No data for the previous period',
  'kpi.up': 'Up {value}',
  'kpi.down': 'Down {value}',
  'kpi.unchanged': 'Unchanged',
  'kpi.points': '{value} pts',
  'kpi.notAvailable': '—',

  'chart.revenue.title': 'Net revenue',
  'chart.revenue.day': 'Net revenue per day',
  'chart.revenue.week': 'Net revenue per week',
  'chart.revenue.month': 'Net revenue per month',
  'chart.mix.title': 'New and returning customers',
  'chart.mix.new': 'New customers',
  'chart.mix.returning': 'Returning customers',
  'chart.orders': 'Orders',
  'chart.weekOf': 'Week of {date}',
  'chart.noData': 'No orders in this period.',

  'dashboard.empty.title': 'No orders yet',
  'dashboard.empty.body':
    'Connect your store or load demo data to see your revenue, customers and tickets here.',
  'dashboard.empty.action': 'Connect a store',

  'state.retry': 'Retry',
  'state.errorTitle': 'Something went wrong',

  'error.VALIDATION': 'The request was not valid. Please check what you entered and try again.',
  'error.NOT_FOUND': 'What you asked for could not be found. It may have been removed.',
  'error.CONFLICT': 'This was changed somewhere else in the meantime. Reload and try again.',
  'error.OFFLINE': 'The console cannot reach Backroom right now. Check that Backroom is running.',
  'error.UPSTREAM': 'A connected marketplace did not answer as expected. Try again in a moment.',
  'error.UNAUTHORIZED':
    'This console is not signed in. Open it again from the link Backroom printed, including its token.',
  'error.INTERNAL': 'Backroom hit an unexpected problem. Try again; if it persists, restart Backroom.',
} as const;
