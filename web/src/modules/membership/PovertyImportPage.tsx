import { ImportPage } from '../../shared/imports/ImportPage';
import { s } from './strings';

export default function PovertyImportPage() {
  return (
    <ImportPage
      kind="poverty"
      title={s.povertyImport.title}
      description={s.povertyImport.description}
      columns={s.povertyImport.columns}
    />
  );
}
