import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError, isSignInIncomplete, isUnauthenticated } from '../lib/api-client.ts';
import { meQueryKey } from '../features/auth/api/me.ts';

/**
 * One QueryClient for the app. A 401 from any request means the session ended (idle timeout,
 * signed out elsewhere): `me` is refetched, fails too, and the app shell sends the user to /login.
 */
export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if ((isUnauthenticated(error) || isSignInIncomplete(error)) && query.queryKey[0] !== meQueryKey[0]) {
          void queryClient.invalidateQueries({ queryKey: meQueryKey, exact: true });
        }
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (isUnauthenticated(error) || isSignInIncomplete(error))
          void queryClient.invalidateQueries({ queryKey: meQueryKey, exact: true });
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Client errors (4xx) will not change on retry; network blips and 5xx might.
        retry: (failureCount, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && failureCount < 2,
      },
    },
  });
  return queryClient;
}
