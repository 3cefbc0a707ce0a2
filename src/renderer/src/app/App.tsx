import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { createQueryClient } from '../api';
import { PreferencesProvider } from './preferences';
import { Shell } from './Shell';
import { theme } from './theme';

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme} defaultColorScheme="auto">
        <PreferencesProvider>
          <Notifications position="top-right" />
          <Shell />
        </PreferencesProvider>
      </MantineProvider>
    </QueryClientProvider>
  );
}
