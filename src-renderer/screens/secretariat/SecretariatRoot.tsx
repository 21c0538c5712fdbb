import { useStore } from 'zustand';
import { navStore } from '../../stores/nav.js';
import { EditionView } from './EditionView.js';
import { PoolScreen } from './PoolScreen.js';
import { SecretariatHome } from './SecretariatHome.js';

export function SecretariatRoot() {
  const route = useStore(navStore, (s) => s.route);
  if (route.screen === 'edition') return <EditionView key={route.editionId} editionId={route.editionId} tab={route.tab} />;
  if (route.screen === 'pool') return <PoolScreen />;
  return <SecretariatHome />;
}
