import React, { useState } from 'react';
import { shareLink } from './urlState';
import shared from './widget.module.css';

/**
 * "Copy share link": the page's address with this widget's state in it. When the clipboard is not
 * available the link is shown in a read-only field to copy by hand. (Used by RegionExplorer,
 * AzFailureLab and ElasticityLab; a candidate for shared/.)
 */
export function ShareLinkButton({ id, state, disabledReason }: { id: string; state: unknown; disabledReason?: string }): React.JSX.Element {
  const [status, setStatus] = useState<{ text: string; link?: string } | null>(null);
  const copy = async () => {
    const link = shareLink(id, state, window.location);
    try {
      await navigator.clipboard.writeText(link);
      setStatus({ text: 'Link copied to the clipboard.' });
    } catch {
      setStatus({ text: 'Could not copy; select the link below and copy it.', link });
    }
  };
  return (
    <div>
      <button
        type="button"
        className={shared.button}
        onClick={() => void copy()}
        disabled={disabledReason !== undefined}
        aria-describedby={disabledReason ? `${id}-share-why` : undefined}
      >
        Copy share link
      </button>
      {disabledReason ? (
        <span id={`${id}-share-why`} style={{ marginLeft: '0.5rem', fontSize: '0.85rem' }}>
          {disabledReason}
        </span>
      ) : null}
      <span role="status" style={{ marginLeft: '0.5rem', fontSize: '0.85rem' }}>
        {status?.text ?? ''}
      </span>
      {status?.link ? (
        <label style={{ display: 'block', fontSize: '0.85rem' }}>
          Share link
          <input readOnly value={status.link} style={{ width: '100%' }} onFocus={(e) => e.currentTarget.select()} />
        </label>
      ) : null}
    </div>
  );
}
