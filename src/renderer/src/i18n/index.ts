export { I18nProvider, useI18n, useT, useFormat, type Translate, type I18n } from './I18nProvider';
export { translate, type MessageKey, type Dictionary } from './dictionary';
export type { Formatters } from './format';
