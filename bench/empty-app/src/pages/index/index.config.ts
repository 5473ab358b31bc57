export default definePageConfig({ navigationBarTitleText: 'Empty' })
