import { useKbArticles } from '../api';
import { ContentTab, useContentBrowser } from '../ContentTab';
import { KbEditor } from './KbEditor';

/** The knowledge base: articles found by their words (the same search staff use from a reply), and their editor. */
export function KbTab() {
  const browser = useContentBrowser();
  const articles = useKbArticles(browser.filter);
  return <ContentTab area="kb" browser={browser} query={articles} toItem={(article) => article} Editor={KbEditor} noneTestId="kb-none" />;
}
