import { useEffect, useRef, useState } from 'react';

export type CameraState = 'starting' | 'live' | 'refused' | 'none' | 'failed';

/**
 * The camera's live picture in a <video>, asked for without sound (the shell would refuse the
 * microphone anyway). The stream is handed to the element directly (srcObject), so no URL is
 * made for it; it is stopped when the screen closes, which turns the camera's light off.
 */
export function useCamera() {
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<CameraState>('starting');

  useEffect(() => {
    // The element this effect started the camera in: the one to let go of on close.
    const element = video.current;
    let stream: MediaStream | null = null;
    let cancelled = false;
    const start = async () => {
      if (!navigator.mediaDevices?.getUserMedia) {
        setState('none');
        return;
      }
      try {
        const opened = await navigator.mediaDevices.getUserMedia({ audio: false, video: { width: { ideal: 1920 }, height: { ideal: 1080 } } });
        if (cancelled) {
          opened.getTracks().forEach((track) => track.stop());
          return;
        }
        stream = opened;
        if (element) {
          element.srcObject = opened;
          await element.play().catch(() => undefined);
        }
        setState('live');
      } catch (error) {
        const name = error instanceof DOMException ? error.name : '';
        setState(name === 'NotAllowedError' || name === 'SecurityError' ? 'refused' : name === 'NotFoundError' || name === 'OverconstrainedError' ? 'none' : 'failed');
      }
    };
    void start();
    return () => {
      cancelled = true;
      stream?.getTracks().forEach((track) => track.stop());
      if (element) element.srcObject = null;
    };
  }, []);

  return { video, state };
}
