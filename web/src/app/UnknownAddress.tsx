import { Button, Stack } from '@mantine/core';
import { Link } from 'react-router-dom';
import { AuthFrame } from '../modules/access/AuthFrame';
import { t } from '../shared/i18n';
import { PageLoader } from '../shared/ui/PageLoader';
import { NotFoundPage } from '../shared/ui/StatusPages';
import Layout from './Layout';
import { paths } from './paths';
import { useSession } from './session';

/**
 * An address no route knows. Logged in: "not found" inside the app shell.
 * Not logged in: a public "not found" with the way home and to the login,
 * never the login form itself (which would suggest the page exists behind it).
 */
export default function UnknownAddress() {
  const { me, loading } = useSession();
  if (loading) return <PageLoader />;
  if (me)
    return (
      <Layout>
        <NotFoundPage />
      </Layout>
    );
  return (
    <AuthFrame title={t.errors.notFoundTitle} intro={t.errors.notFoundPublicBody}>
      <Stack gap="sm" data-testid="not-found">
        <Button component={Link} to={paths.login} fullWidth>
          {t.errors.toLogin}
        </Button>
        <Button component={Link} to={paths.selfCheck} variant="default" fullWidth>
          {t.publicFooter.selfCheck}
        </Button>
      </Stack>
    </AuthFrame>
  );
}
