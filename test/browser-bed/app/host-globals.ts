// Installs the host globals before any plugin bundle loads. React 18 and friends come from npm at
// the versions Mattermost 11 ships (package.json pins them); plugin bundles mark them external and
// read them from window, so the bed and the plugin share one React, as in the real client.
import React from 'react';
import ReactDOM from 'react-dom';
import * as Redux from 'redux';
import * as ReactRedux from 'react-redux';
import { hostWindow } from './host-window';
import { formatText } from './post-utils/format-text';
import { messageHtmlToComponent } from './post-utils/html-to-react';
import { sendDesktopNotificationToMe } from './ws/desktop-notifications';

hostWindow.React = React;
hostWindow.ReactDOM = ReactDOM;
hostWindow.Redux = Redux;
hostWindow.ReactRedux = ReactRedux;
hostWindow.PostUtils = { formatText, messageHtmlToComponent };
hostWindow.WebappUtils = { sendDesktopNotificationToMe };
