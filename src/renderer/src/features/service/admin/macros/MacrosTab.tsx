import { useMacros } from '../api';
import { ContentTab, useContentBrowser } from '../ContentTab';
import { MacroEditor } from './MacroEditor';

/** Canned replies in both languages: a searchable list beside the editor of the one chosen. */
export function MacrosTab() {
  const browser = useContentBrowser();
  const macros = useMacros(browser.filter);
  return (
    <ContentTab
      area="macros"
      browser={browser}
      query={macros}
      toItem={(m) => ({ id: m.id, title: m.name, language: m.language, body: m.body, active: m.active })}
      Editor={MacroEditor}
      noneTestId="macro-none"
    />
  );
}
