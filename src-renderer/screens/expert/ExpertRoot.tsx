import { useStore } from 'zustand';
import { ShortcutSheet } from '../../components/ShortcutSheet.js';
import { useRestorePlace } from '../../hooks/usePlace.js';
import { navStore } from '../../stores/nav.js';
import { ConsensusScreen } from '../consensus/ConsensusScreen.js';
import { EditionOverview } from './EditionOverview.js';
import { ExpertHome } from './ExpertHome.js';
import { ScoringWorkspace } from './ScoringWorkspace.js';

function Screen() {
  const route = useStore(navStore, (s) => s.route);
  if (route.screen === 'sheet') {
    return <ScoringWorkspace key={`${route.applicantId}-${route.stage}`} editionId={route.editionId} applicantId={route.applicantId} stage={route.stage} />;
  }
  if (route.screen === 'edition') return <EditionOverview editionId={route.editionId} />;
  if (route.screen === 'consensus') return <ConsensusScreen editionId={route.editionId} seat={route.seat} />;
  return <ExpertHome />;
}

export function ExpertRoot() {
  const ready = useRestorePlace();
  if (!ready) return null;
  return (
    <>
      <Screen />
      <ShortcutSheet />
    </>
  );
}
