import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import 'dayjs/locale/id';
import { BrowserRouter } from 'react-router-dom';
import { ErrorBoundary } from '../shared/ui/ErrorBoundary';
import { AppRoutes } from './routes';
import { SessionProvider } from './session';
import { cssVariablesResolver, theme } from './theme';

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
      <DatesProvider settings={{ locale: 'id', firstDayOfWeek: 1, weekendDays: [0, 6] }}>
        <BrowserRouter>
          <SessionProvider>
            <ErrorBoundary>
              <AppRoutes />
            </ErrorBoundary>
          </SessionProvider>
        </BrowserRouter>
      </DatesProvider>
    </MantineProvider>
  );
}
