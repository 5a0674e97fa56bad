import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import type { Me } from '../../shared/schemas/auth.ts';
import { Brand } from '../components/layout/brand.tsx';
import { Button } from '../components/ui/button.tsx';
import { MainNav } from './main-nav.tsx';

export interface AppHeaderProps {
  me: Me;
  programName: string | undefined;
  onSignOut: () => void;
  isSigningOut: boolean;
}

/**
 * Brand, main navigation and the signed-in person. Below 48rem the navigation and account area
 * fold behind a "Menu" button (a disclosure: aria-expanded + aria-controls).
 */
export function AppHeader({ me, programName, onSignOut, isSigningOut }: AppHeaderProps) {
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();
  useEffect(() => setMenuOpen(false), [pathname]);
  const subtitle = [programName, me.organization.name].filter(Boolean).join(' · ');
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <Link to="/app" className="app-header__brand" aria-label={`Peerline home, ${subtitle}`}>
          <Brand subtitle={subtitle} />
        </Link>
        <Button
          ref={menuButton}
          variant="quiet"
          className="app-header__menu-button"
          aria-expanded={menuOpen}
          aria-controls="app-header-panel"
          onPress={() => setMenuOpen((open) => !open)}
        >
          <span aria-hidden="true" className="menu-icon" />
          Menu
        </Button>
        <div
          id="app-header-panel"
          className={`app-header__panel${menuOpen ? ' app-header__panel--open' : ''}`}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && menuOpen) {
              setMenuOpen(false);
              menuButton.current?.focus();
            }
          }}
        >
          <MainNav actions={me.actions} onNavigate={() => setMenuOpen(false)} />
          <div className="app-header__account">
            <span className="app-header__user">
              {me.person.firstName} {me.person.lastName}
            </span>
            <Button variant="quiet" onPress={onSignOut} isPending={isSigningOut}>
              Sign out
            </Button>
          </div>
        </div>
      </div>
    </header>
  );
}
