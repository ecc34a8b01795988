import { ImportPage } from '../../shared/imports/ImportPage';
import { s } from './strings';

export default function JknImportPage() {
  return (
    <ImportPage
      kind="jkn"
      title={s.jknImport.title}
      description={s.jknImport.description}
      columns={s.jknImport.columns}
    />
  );
}
