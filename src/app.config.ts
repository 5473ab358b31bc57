export default defineAppConfig({
  pages: ['pages/help/index', 'pages/chat/index', 'pages/tickets/index'],
  subPackages: [
    { root: 'pages/ticket', pages: ['new/index', 'detail/index'] },
    { root: 'pages/agent', pages: ['login/index', 'workspace/index'] },
  ],
  // Inject only the components a page uses (DevTools' quality scan requires it; it also starts faster).
  lazyCodeLoading: 'requiredComponents',
  sitemapLocation: 'sitemap.json',
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '客服中心',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f8',
  },
  tabBar: {
    color: '#666666',
    selectedColor: '#cc3d00',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      {
        pagePath: 'pages/help/index',
        iconPath: 'assets/tabbar/help.png',
        selectedIconPath: 'assets/tabbar/help-active.png',
        text: '帮助中心',
      },
      {
        pagePath: 'pages/chat/index',
        iconPath: 'assets/tabbar/chat.png',
        selectedIconPath: 'assets/tabbar/chat-active.png',
        text: '在线客服',
      },
      {
        pagePath: 'pages/tickets/index',
        iconPath: 'assets/tabbar/tickets.png',
        selectedIconPath: 'assets/tabbar/tickets-active.png',
        text: '我的工单',
      },
    ],
  },
})
