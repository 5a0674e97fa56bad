import { Button as AriaButton, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';

/**
 * A "More" button that opens a list of less common actions (React Aria menu: arrow keys, Escape,
 * focus returns to the button). Each item runs its action when chosen.
 */
export function ActionMenu({ label, items }: { label: string; items: { id: string; label: string; onAction: () => void }[] }) {
  if (items.length === 0) return null;
  return (
    <MenuTrigger>
      <AriaButton className="button button--quiet" aria-label={label}>
        More…
      </AriaButton>
      <Popover className="action-menu__popover" placement="bottom end">
        <Menu className="action-menu" onAction={(key) => items.find((i) => i.id === key)?.onAction()}>
          {items.map((item) => (
            <MenuItem key={item.id} id={item.id} className="action-menu__item">
              {item.label}
            </MenuItem>
          ))}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
